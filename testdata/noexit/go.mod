module example.com/noexit

go 1.26
