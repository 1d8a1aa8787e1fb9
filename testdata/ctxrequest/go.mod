module example.com/ctxrequest

go 1.26
