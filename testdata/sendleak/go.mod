module example.com/sendleak

go 1.26
