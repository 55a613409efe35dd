module github.com/motcua/motcua/services/intake

go 1.26.0
