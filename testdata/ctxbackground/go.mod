module example.com/ctxbackground

go 1.26
