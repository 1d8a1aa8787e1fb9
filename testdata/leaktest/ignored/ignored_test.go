package ignored

import (
	"testing"

	"github.com/gohazard/gohazard/leaktest"
)

func TestMain(m *testing.M) {
	leaktest.Main(m, leaktest.IgnoreTop("example.com/leaktest/ignored.wait"))
}

func TestStart(t *testing.T) {
	Start()
}
