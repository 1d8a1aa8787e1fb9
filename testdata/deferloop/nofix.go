package deferloop

import (
	"context"
	"errors"
	"os"
	"time"
)

func openAll(names []string) error {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close() // want `defer in a loop runs only when the function returns`
	}
	return nil
}

func forever(ch <-chan string) {
	for {
		name, ok := <-ch
		if !ok {
			return
		}
		f, _ := os.Open(name)
		defer f.Close() // want `defer in a loop runs only when the function returns`
	}
}

func labeledContinue(groups [][]string) {
outer:
	for _, g := range groups {
		for _, name := range g {
			f, _ := os.Open(name)
			defer f.Close() // want `defer in a loop runs only when the function returns`
			if name == "" {
				continue outer
			}
		}
	}
}

func namedResult(names []string) (err error) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer func() { // want `defer in a loop runs only when the function returns`
			err = errors.Join(err, f.Close())
		}()
	}
	return nil
}

func continueAfter(names []string) {
	for _, name := range names {
		f, _ := os.Open(name)
		defer f.Close() // want `defer in a loop runs only when the function returns`
		continue
	}
}

// A cancel deferred per iteration keeps every iteration's context.
func timeoutPerItem(ctx context.Context, items []string, do func(context.Context, string) error) error {
	for _, item := range items {
		ictx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel() // want `cancel deferred in a loop runs only when the function returns: every iteration's context, and its timer, lives until then; call cancel at the end of the iteration`
		if err := do(ictx, item); err != nil {
			return err
		}
	}
	return nil
}
