module example.com/circularwait

go 1.26
