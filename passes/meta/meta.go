// Package meta defines the metadata each gohazard analyzer declares beside
// its Analyzer: its family, whether it runs by default, the severity of
// its findings and the version that introduced it. The package
// github.com/gohazard/gohazard lists the analyzers with their metadata.
package meta

// Families of analyzers.
const (
	LeakCheck  = "leakcheck"
	CtxCheck   = "ctxcheck"
	AllocCheck = "allocheck"
	// General holds gohazard's own housekeeping analyzers.
	General = "gohazard"
	// Vet and Staticcheck hold the bundled analyzers, which keep their
	// upstream names, flags and messages.
	Vet         = "vet"
	Staticcheck = "staticcheck"
)

// Severity of an analyzer's findings, as SARIF and CI annotations show it.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Note    Severity = "note"
)

// Info describes an analyzer's place among gohazard's analyzers.
type Info struct {
	Family   string
	Default  bool   // enabled unless the user chooses analyzers
	Since    string // first gohazard version that has it
	Severity Severity
}
