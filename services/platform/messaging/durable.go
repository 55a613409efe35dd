package messaging

// Durable is the durable consumer named durable of the events on subjects of stream,
// with the defaults for the rest.
func Durable(stream, durable string, subjects ...string) ConsumerOptions {
	return ConsumerOptions{Stream: stream, Durable: durable, FilterSubjects: subjects}
}
