module github.com/motcua/motcua/services/worktime

go 1.26.0
