package front

import "fmt"

// The errors both faces return; main maps each to its exit status.

// UsageError: a bad command line or file (exit 2).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// AbortedError: the user said no, or interrupted (exit 130).
type AbortedError struct{ Why string }

func (e *AbortedError) Error() string { return "aborted: " + e.Why }

// FailedError: the connection was created but came up failed (exit 3).
type FailedError struct{ ID, State string }

func (e *FailedError) Error() string {
	return fmt.Sprintf("connection %s failed (state %s)", e.ID, e.State)
}

// NoCredentialsError: no keys were found for a real cloud (exit 2).
type NoCredentialsError struct{ Vendor, Title string }

func (e *NoCredentialsError) Error() string {
	return fmt.Sprintf("no credentials for %s: set the vendor SDK's environment variables or its CLI profile (see README), or try it in the sandbox with --sandbox", e.Title)
}
