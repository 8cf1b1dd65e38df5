namespace Arena.Scoring;

/// <summary>
/// A score kept as a fraction until it is rounded. A mean of three sheets is a repeating decimal (238.15 / 3 =
/// 79.38333…); weighted by a panel's 0.3 it is exactly 23.815, but a 28-digit decimal holds 23.81499… and rounds down.
/// Dividing once, just before rounding, lands every midpoint exactly and leaves everything else far from one.
/// </summary>
internal readonly record struct Exact(decimal Numerator, long Denominator)
{
    public decimal Value => Numerator / Denominator;

    public static Exact Of(decimal value) => new(value, 1);

    public Exact Plus(decimal points) => new(Numerator + points * Denominator, Denominator);

    /// <summary>Σ weight × score over a common denominator (the least common multiple of the parts' denominators).</summary>
    public static Exact WeightedSum(IReadOnlyList<(decimal Weight, Exact Score)> parts)
    {
        var common = parts.Aggregate(1L, (l, p) => Lcm(l, p.Score.Denominator));
        var numerator = parts.Sum(p => p.Weight * p.Score.Numerator * (common / p.Score.Denominator));
        return new(numerator, common);
    }

    private static long Lcm(long a, long b) => checked(a / Gcd(a, b) * b);

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
