module example.com/command

go 1.26
