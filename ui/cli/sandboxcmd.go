package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"tunnelwiz/cloud/sandbox"
	"tunnelwiz/ui/command"
)

var sandboxCommand = &command.Command{
	Use:   "sandbox",
	Short: "run the built-in sandbox: every vendor's API on this machine, no cloud",
	Long: `Runs a stand-in for the clouds that speaks each vendor's wire protocol, so the vendors' own SDKs
talk to it unchanged, until interrupted. It prints its URL on stdout (for scripts) and its keys and
hints on stderr; apply, peer, list, show, status and delete reach it with --endpoint URL, and it
keeps what they made. Faults are injected with POST /_sandbox/faults.`,
	Example: `  tunnelwiz sandbox &
  tunnelwiz apply --endpoint http://127.0.0.1:8642 -y --wait examples/tencent.yaml`,
	Group: groupTools,
	Flags: func(fs *pflag.FlagSet) command.Run {
		listen := fs.String("listen", "127.0.0.1:8642", "`ADDR`ess to listen on (port 0 picks a free one)")
		fixtures := fs.String("fixtures", "", "a fixture `FILE` replacing the built-in gateways (see cloud/sandbox/fixtures/README.md)")
		settle := fs.Duration("settle", 3*time.Second, "how long a new connection stays pending")
		seed := fs.Uint64("seed", 0, "make ids repeatable: the same seed, the same ids")
		return func(pos []string, o IO) error {
			if len(pos) > 0 {
				return &UsageError{Msg: "usage: tunnelwiz sandbox [--listen ADDR] [--fixtures FILE] [--settle DUR] [--seed N]"}
			}
			opts := sandbox.Options{Settle: *settle, Seed: *seed, Listen: *listen}
			if *fixtures != "" {
				f, err := sandbox.LoadFixtures(*fixtures)
				if err != nil {
					return &UsageError{Msg: "--fixtures: " + err.Error()}
				}
				opts.Fixtures = f
			}
			return serveSandbox(opts, o)
		}
	},
}

// Sandbox runs `tunnelwiz sandbox [--listen ADDR] [--fixtures FILE]
// [--settle DUR] [--seed N]` until interrupted. It prints its URL on
// stdout (for scripts) and everything else on stderr.
func Sandbox(args []string, o IO) error { return sandboxCommand.Main(args, o) }

func serveSandbox(opts sandbox.Options, o IO) error {
	srv, err := sandbox.New(opts)
	if err != nil {
		return err
	}
	host, _, _ := net.SplitHostPort(opts.Listen)
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		fmt.Fprintf(o.Err, "note: listening on %s, beyond this machine; the sandbox's keys are printed below and are no secret\n", opts.Listen)
	}
	ln, err := net.Listen("tcp", opts.Listen)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String()
	fmt.Fprintf(o.Err, "tunnelwiz SANDBOX: a stand-in for the clouds, not a cloud. Nothing here reaches any vendor.\n")
	fmt.Fprintf(o.Err, "  URL:     %s\n  Keys:    %s / %s\n  Try:     tunnelwiz apply --endpoint %s examples/tencent.yaml\n", url, sandbox.Keys.ID, sandbox.Keys.Secret, url)
	fmt.Fprintf(o.Err, "  Faults:  curl -X POST -H 'Content-Type: application/json' %s/_sandbox/faults -d '{\"kind\":\"throttle\",\"op\":\"create\",\"count\":2}'\n", url)
	fmt.Fprintf(o.Err, "  Vendors: %s. Ctrl-C stops it.\n", strings.Join(srv.Vendors(), ", "))
	fmt.Fprintln(o.Out, url)
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		hs.Shutdown(sctx)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
