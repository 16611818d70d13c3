namespace SgdDsl;

/// <summary>One Lyapunov exponent of the SGD linearization on N, per step (natural log), with its standard error.</summary>
/// <param name="Exponent">The exponent; −∞ when products of batch maps have rank below its index with positive probability.</param>
/// <param name="StandardError">Standard error from batch means over all chains; 0 when computed exactly.</param>
public readonly record struct LyapunovExponentEstimate(double Exponent, double StandardError);
