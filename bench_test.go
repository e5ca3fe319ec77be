package main

import (
	"context"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// BenchmarkApply submits each example spec to an in-process sandbox over
// loopback HTTP, many times in one process, and reports the request rate
// the client reached beside the vendor's limit: req/s must never exceed
// limit-req/s, and should come close to it (the client paces itself, it
// does not crawl).
func BenchmarkApply(b *testing.B) {
	examples, _ := filepath.Glob("examples/*.yaml")
	for _, f := range examples {
		spec, err := cloud.LoadSpec(f)
		if err != nil {
			b.Fatal(err)
		}
		d, _ := cloud.Lookup(spec.Vendor)
		srv, err := sandbox.New(sandbox.Options{Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		hs := httptest.NewServer(srv)
		u, _ := url.Parse(hs.URL)
		params, _ := d.Catalog().Check(spec)
		limit := d.Catalog().RateLimit
		if limit <= 0 {
			limit = cloud.DefaultRate
		}
		b.Run(strings.TrimSuffix(filepath.Base(f), ".yaml"), func(b *testing.B) {
			n0 := srv.Requests()
			start := time.Now()
			for b.Loop() {
				srv.Reset() // the same connection again: no conflict, no quota
				sub := &cloud.Submission{Driver: d, At: cloud.Base{URL: u, Cred: sandbox.Keys, Target: spec.Target}, Params: params}
				if _, err := sub.Run(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
			// n requests paced at the limit span n-1 intervals: the first
			// goes at once.
			reqs := float64(srv.Requests() - n0 - 1)
			b.ReportMetric(reqs/time.Since(start).Seconds(), "req/s")
			b.ReportMetric(limit, "limit-req/s")
		})
		hs.Close()
	}
}
