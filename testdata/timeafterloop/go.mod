module example.com/timeafterloop

go 1.26
