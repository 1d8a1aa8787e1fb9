module example.com/conditional

go 1.26
