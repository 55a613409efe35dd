// Package indicators is what supervisors are judged on (domain.md §6, Decision
// 766/QĐ-TTg) as this product computes it from its read model: the rates derived from a
// set of dossiers' counters, their targets, and the periods they are asked over (a
// period's length limit, the usual choices such as this month or last quarter, and its
// division into weeks or months for a chart over time). The JSON API and the
// supervisor's pages both use it, so that they never disagree.
package indicators
