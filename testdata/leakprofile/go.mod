module example.com/leakprofile

go 1.26.0

require github.com/gohazard/gohazard v0.0.0

replace github.com/gohazard/gohazard => ../..
