module example.com/heldlock

go 1.26
