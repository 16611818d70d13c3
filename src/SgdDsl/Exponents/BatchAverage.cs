namespace SgdDsl.Exponents;

/// <summary>An average over batches: exact (every batch enumerated, SE = 0) or from random batches with its standard error.</summary>
internal readonly record struct BatchAverage(double Value, double StandardError, long BatchesSampled, bool Exact);
