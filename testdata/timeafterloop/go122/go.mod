module example.com/timeafterloop/go122

go 1.22
