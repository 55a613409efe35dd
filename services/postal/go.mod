module github.com/motcua/motcua/services/postal

go 1.26.0
