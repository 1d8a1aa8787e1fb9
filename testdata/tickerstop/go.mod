module example.com/tickerstop

go 1.22
