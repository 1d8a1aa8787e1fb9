package ctxrequest

import (
	"context"
	"io"
	"net/http"
	"testing"
)

// A helper declared in a test file is a function like any other: its
// callers give it a context to bound the request.
func fetchBody(ctx context.Context, t *testing.T, url string) []byte {
	resp, err := http.Get(url) // want `http.Get ignores ctx \(parameter of fetchBody\)`
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b
}

type harness struct{ c *http.Client }

func (h *harness) head(ctx context.Context, url string) error {
	resp, err := h.c.Head(url) // want `\(\*http.Client\).Head ignores ctx \(parameter of head\)`
	if err == nil {
		resp.Body.Close()
	}
	return err
}
