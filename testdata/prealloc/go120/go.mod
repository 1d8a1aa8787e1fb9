module example.com/prealloc/go120

go 1.20
