package cloud

import (
	"context"
	"errors"
	"net/url"
)

// ChoiceLister is what a driver implements when some target keys can be
// listed live (those whose Field.ListedAfter is set): the wizard then
// offers a pick list instead of asking the engineer to copy an id out of
// a console.
type ChoiceLister interface {
	// Choices lists the values target key may take, given the rest of
	// target (the keys its ListedAfter names are set). Each Resource's ID
	// is a value; Name and Notes say what it is.
	Choices(ctx context.Context, base *url.URL, cred Credentials, target map[string]string, key string) ([]Resource, error)
}

// ErrNotListed is what ListChoices answers for a key no look-up lists.
var ErrNotListed = errors.New("this value cannot be looked up; type it")

// ListInventory lists the pick lists' resources at a destination, paced
// by the vendor's rate limit like every other call.
func ListInventory(ctx context.Context, d Driver, at Base) (*Inventory, error) {
	if err := limit(ctx, d.Catalog()); err != nil {
		return nil, err
	}
	return d.Inventory(ctx, at.URL, at.Cred, at.Target)
}

// ListChoices lists a target key's values at a destination, when the
// driver can and the key is marked ListedAfter.
func ListChoices(ctx context.Context, d Driver, at Base, key string) ([]Resource, error) {
	l, ok := d.(ChoiceLister)
	if f := d.Catalog().TargetField(key); !ok || f == nil || f.ListedAfter == nil {
		return nil, ErrNotListed
	}
	if err := limit(ctx, d.Catalog()); err != nil {
		return nil, err
	}
	return l.Choices(ctx, at.URL, at.Cred, at.Target, key)
}
