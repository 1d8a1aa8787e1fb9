module example.com/lockedsend

go 1.26
