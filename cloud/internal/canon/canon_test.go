package canon

import (
	"net/url"
	"testing"
)

func TestQuery(t *testing.T) {
	q := url.Values{"b": {"2", "1"}, "a": {"x y"}, "c": {""}}
	got := Query(q, url.QueryEscape)
	if want := "a=x+y&b=1&b=2&c="; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if Query(url.Values{}, url.QueryEscape) != "" {
		t.Error("empty query")
	}
}
