module github.com/motcua/motcua/services/status

go 1.26.0
