// Package apidocs holds the test that keeps the OpenAPI files of docs/api and the three
// services' routers in step.
package apidocs
