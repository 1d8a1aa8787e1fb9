module example.com/tickerstop/go126

go 1.26
