package alibaba

import (
	"fmt"
	"reflect"

	vpc "github.com/alibabacloud-go/vpc-20160428/v7/client"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// buildRequest turns validated parameters into the SDK's request type; the
// SDK then decides the wire form (query for most, form fields for the
// tunnels), so the preview shows exactly what the SDK sends.
//
// No parameter name is written here: the rule table leads, and each of its
// parameters goes to the SDK struct field of the same name (the v7 model's
// fields are the API's parameter names: RegionId, TunnelOptionsSpecification,
// Tags.Key ...). An object the API takes as a JSON string (a *string field
// for an Object parameter: IkeConfig, IpsecConfig, HealthCheckConfig,
// BgpConfig) is encoded as one; lists and nested objects are filled member
// by member. A name the table has and the SDK lacks is an error (the
// wire-coverage test sends every field of the table), and a name the table
// does not know is never sent.
func buildRequest(p cloud.Params) (*vpc.CreateVpnConnectionRequest, error) {
	r := &vpc.CreateVpnConnectionRequest{}
	if err := fill(reflect.ValueOf(r).Elem(), map[string]any(p), ""); err != nil {
		return nil, err
	}
	return r, nil
}

var (
	stringPtr = reflect.TypeFor[*string]()
	boolPtr   = reflect.TypeFor[*bool]()
	int64Ptr  = reflect.TypeFor[*int64]()
)

// fill sets dst's fields from m, for the catalog's members of pat in
// catalog order.
func fill(dst reflect.Value, m map[string]any, pat string) error {
	for _, name := range catalog().Children(pat) {
		v, ok := m[name]
		if !ok || v == nil {
			continue
		}
		path := name
		if pat != "" {
			path = pat + "." + name
		}
		sf := dst.FieldByName(name)
		if !sf.IsValid() {
			return fmt.Errorf("alibaba: the SDK's %s has no field for catalog parameter %s", dst.Type(), path)
		}
		if err := set(sf, v, catalog().Field(path), path); err != nil {
			return err
		}
	}
	return nil
}

// set stores one parameter in an SDK field, as the field's type needs.
// A value of the wrong shape (only possible for unvalidated input) is left
// out rather than guessed at.
func set(dst reflect.Value, v any, f *cloud.Field, path string) error {
	one := cloud.Params{"v": v}
	switch dst.Type() {
	case stringPtr:
		if obj, ok := v.(map[string]any); ok && f.Type == cloud.Object {
			s := aliyun.JSONString(catalog(), path, obj)
			dst.Set(reflect.ValueOf(&s))
		} else if s, ok := aliyun.Text(one, "v"); ok {
			dst.Set(reflect.ValueOf(&s))
		}
		return nil
	case boolPtr:
		if b, ok := aliyun.Bool(one, "v"); ok {
			dst.Set(reflect.ValueOf(&b))
		}
		return nil
	case int64Ptr:
		if n, ok := aliyun.Int(one, "v"); ok {
			dst.Set(reflect.ValueOf(&n))
		}
		return nil
	}
	switch {
	case dst.Kind() == reflect.Slice && dst.Type().Elem().Kind() == reflect.Pointer:
		l, _ := v.([]any)
		for _, e := range l {
			m, ok := e.(map[string]any)
			if !ok {
				continue
			}
			el := reflect.New(dst.Type().Elem().Elem())
			if err := fill(el.Elem(), m, path+"[]"); err != nil {
				return err
			}
			dst.Set(reflect.Append(dst, el))
		}
	case dst.Kind() == reflect.Pointer && dst.Type().Elem().Kind() == reflect.Struct:
		if m, ok := v.(map[string]any); ok {
			el := reflect.New(dst.Type().Elem())
			if err := fill(el.Elem(), m, path); err != nil {
				return err
			}
			dst.Set(el)
		}
	default:
		return fmt.Errorf("alibaba: catalog parameter %s meets SDK field type %s, which the builder does not know", path, dst.Type())
	}
	return nil
}
