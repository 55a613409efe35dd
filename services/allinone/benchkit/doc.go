// Package benchkit holds what the benchmark commands share (loadbench's throughput and
// latency figures, scalebench's growth with the data): running requests from several
// clients at once, reading an answer whole, percentiles, a pool for the bench's own
// queries and the machine the figures were measured on.
package benchkit
