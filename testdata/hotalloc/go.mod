module example.com/hotalloc

go 1.26
