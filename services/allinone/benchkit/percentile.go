package benchkit

// Percentile is the value below which the fraction p of sorted (ascending, not empty)
// lies: the nearest rank below, so p99 of 200 values is the 198th smallest.
func Percentile(sorted []float64, p float64) float64 {
	i := int(float64(len(sorted)-1) * p)
	return sorted[i]
}
