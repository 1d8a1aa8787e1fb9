module example.com/primitives

go 1.26
