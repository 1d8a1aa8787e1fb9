module example.com/wgdone

go 1.26
