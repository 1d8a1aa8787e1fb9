module example.com/timeafterloop/quiet

go 1.26
