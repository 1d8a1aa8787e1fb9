package deferloop

import (
	"errors"
	"os"
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
