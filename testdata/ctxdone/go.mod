module example.com/ctxdone

go 1.26
