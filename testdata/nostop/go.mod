module example.com/nostop

go 1.26
