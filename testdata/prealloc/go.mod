module example.com/prealloc

go 1.26
