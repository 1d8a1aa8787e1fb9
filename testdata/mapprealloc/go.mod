module example.com/mapprealloc

go 1.26
