namespace Arena.Scoring;

/// <summary>The final's rounding rule, applied to each round score and to the total (never to sheets or panels).</summary>
public static class Rounding
{
    public static decimal Apply(decimal value, RoundingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        // 四舍五入 rounds a half away from zero; MidpointRounding.ToZero or ToPositiveInfinity would treat penalties differently.
        var mode = rule.Mode switch
        {
            RoundingModes.HalfUp => MidpointRounding.AwayFromZero,
            RoundingModes.HalfEven => MidpointRounding.ToEven,
            _ => throw new ArgumentException($"Unknown rounding mode '{rule.Mode}'.", nameof(rule)),
        };
        return Math.Round(value, rule.Decimals, mode);
    }
}
