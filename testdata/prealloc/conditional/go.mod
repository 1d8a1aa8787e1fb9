module example.com/prealloc/conditional

go 1.26
