module example.com/compiler

go 1.26
