module example.com/dump

go 1.26
