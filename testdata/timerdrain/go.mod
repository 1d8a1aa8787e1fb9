module example.com/timerdrain

go 1.26
