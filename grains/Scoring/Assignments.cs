namespace Arena.Scoring;

/// <summary>Which judge scores which contestant in which round: round assignment, panels and recusals.</summary>
/// <remarks>Tolerates the nulls a half-valid definition may hold, because the validator itself asks these questions.</remarks>
public static class Assignments
{
    /// <summary>The judges whose sheets count for this contestant and round, in the definition's order.</summary>
    public static IReadOnlyList<JudgeDefinition> JudgesFor(FinalDefinition d, string contestant, string round)
    {
        ArgumentNullException.ThrowIfNull(d);
        var r = FindRound(d, round);
        if (r is null) return [];
        return [.. (d.Judges ?? []).Where(j => j is not null && IsAssigned(r, j) && !IsRecused(j, contestant))];
    }

    public static bool IsRecused(FinalDefinition d, string judge, string contestant)
    {
        ArgumentNullException.ThrowIfNull(d);
        return FindJudge(d, judge) is { } j && IsRecused(j, contestant);
    }

    public static bool IsAssigned(FinalDefinition d, string judge, string round)
    {
        ArgumentNullException.ThrowIfNull(d);
        return FindJudge(d, judge) is { } j && FindRound(d, round) is { } r && IsAssigned(r, j);
    }

    /// <summary>The judge's panel in this round; null when the round has no panels or the judge is not in one of them.</summary>
    public static string? PanelOf(FinalDefinition d, string judge, string round)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (FindRound(d, round) is not { } r || !HasPanels(r)) return null;
        return FindJudge(d, judge) is { } j && InRoundPanel(r, j) ? j.Panel : null;
    }

    internal static bool HasPanels(RoundDefinition r) => r.Panels is { Count: > 0 };

    // An empty list of judges means "everyone" so that a small final need not repeat its judges in every round;
    // with panels, "everyone" is everyone sitting on one of the round's panels.
    internal static bool IsAssigned(RoundDefinition r, JudgeDefinition j)
    {
        if (r.Judges is { Count: > 0 } named && !named.Contains(j.Id)) return false;
        return !HasPanels(r) || InRoundPanel(r, j);
    }

    internal static bool InRoundPanel(RoundDefinition r, JudgeDefinition j) =>
        !string.IsNullOrEmpty(j.Panel) && (r.Panels ?? []).Any(p => p is not null && p.Id == j.Panel);

    internal static bool IsRecused(JudgeDefinition j, string contestant) => j.Recusals?.Contains(contestant) == true;

    private static RoundDefinition? FindRound(FinalDefinition d, string round) =>
        (d.Rounds ?? []).FirstOrDefault(r => r is not null && r.Id == round);

    private static JudgeDefinition? FindJudge(FinalDefinition d, string judge) =>
        (d.Judges ?? []).FirstOrDefault(j => j is not null && j.Id == judge);
}
