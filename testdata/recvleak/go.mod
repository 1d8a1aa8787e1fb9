module example.com/recvleak

go 1.26
