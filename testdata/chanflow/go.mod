module example.com/chanflow

go 1.26
