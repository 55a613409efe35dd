module github.com/motcua/motcua/services/allinone

go 1.26.0
