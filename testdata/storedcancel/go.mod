module example.com/storedcancel

go 1.26
