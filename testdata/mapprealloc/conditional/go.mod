module example.com/mapprealloc/conditional

go 1.26
