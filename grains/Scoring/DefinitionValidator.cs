using static System.FormattableString;

namespace Arena.Scoring;

/// <summary>
/// Checks a whole definition and reports every problem at once, each at its JSON path, so that an organiser fixes an
/// imported file in one pass instead of one error per attempt. A definition with no problems can be scored.
/// </summary>
public static partial class DefinitionValidator
{
    public static IReadOnlyList<ValidationProblem> Validate(FinalDefinition d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var problems = new List<ValidationProblem>();

        Ids.Check(problems, "id", d.Id, "final", []);
        if (string.IsNullOrWhiteSpace(d.Title))
            problems.Add(new("title", "The final needs a title."));
        if (d.Gate is not (Gates.OnStage or Gates.Open))
            problems.Add(new("gate", $"Gate '{d.Gate}' is unknown; use '{Gates.OnStage}' or '{Gates.Open}'."));

        var contestantIds = CheckContestants(d, problems);
        var judgeIds = JudgeIds(d);
        var roundIds = CheckRounds(d, judgeIds, problems);
        CheckJudges(d, contestantIds, problems);
        CheckRounding(d.Rounding, problems);
        CheckRanking(d.Ranking, roundIds, problems);
        CheckAwards(d, problems);
        CheckCoverage(d, problems);
        return problems;
    }

    private static HashSet<string> CheckContestants(FinalDefinition d, List<ValidationProblem> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (d.Contestants is not { Count: > 0 })
        {
            problems.Add(new("contestants", "The final needs at least one contestant."));
            return ids;
        }

        // 0 is what a contestant without an "order" reads as; only orders actually given must differ.
        var orders = new HashSet<int>();
        for (var i = 0; i < d.Contestants.Count; i++)
        {
            var at = $"contestants[{i}]";
            if (d.Contestants[i] is not { } c)
            {
                problems.Add(new(at, "This contestant is empty."));
                continue;
            }
            Ids.Check(problems, $"{at}.id", c.Id, "contestant", ids);
            if (c.Order != 0 && !orders.Add(c.Order))
                problems.Add(new($"{at}.order", $"Contestant '{c.Id}' has order {c.Order}, which another contestant already has."));
        }
        return ids;
    }

    private static void CheckRounding(RoundingRule? rounding, List<ValidationProblem> problems)
    {
        if (rounding is null)
        {
            problems.Add(new("rounding", "Give a rounding rule, e.g. { \"decimals\": 2, \"mode\": \"half-up\" }."));
            return;
        }
        if (rounding.Decimals is < 0 or > 6)
            problems.Add(new("rounding.decimals", $"Rounding to {rounding.Decimals} decimals is not possible; use 0 to 6."));
        if (rounding.Mode is not (RoundingModes.HalfUp or RoundingModes.HalfEven))
            problems.Add(new("rounding.mode",
                $"Rounding mode '{rounding.Mode}' is unknown; use '{RoundingModes.HalfUp}' or '{RoundingModes.HalfEven}'."));
    }

    private static void CheckRanking(RankingRule? ranking, HashSet<string> roundIds, List<ValidationProblem> problems)
    {
        if (ranking?.TieBreakers is not { } tieBreakers)
        {
            problems.Add(new(ranking is null ? "ranking" : "ranking.tieBreakers", "Give the tie-breakers as a list ([] for none)."));
            return;
        }
        for (var i = 0; i < tieBreakers.Count; i++)
        {
            var tb = tieBreakers[i];
            if (tb == TieBreakers.Untrimmed) continue;
            var round = TieBreakers.RoundOf(tb);
            if (round is null)
                problems.Add(new($"ranking.tieBreakers[{i}]",
                    $"Tie-breaker '{tb}' is unknown; use 'round:<round id>' or '{TieBreakers.Untrimmed}'."));
            else if (!roundIds.Contains(round))
                problems.Add(new($"ranking.tieBreakers[{i}]", $"Tie-breaker '{tb}' names no round of this final."));
        }
    }

    private static void CheckAwards(FinalDefinition d, List<ValidationProblem> problems)
    {
        if (d.Awards is null)
        {
            problems.Add(new("awards", "Give the awards as a list ([] for none)."));
            return;
        }
        long places = 0;
        for (var i = 0; i < d.Awards.Count; i++)
        {
            var at = $"awards[{i}]";
            if (d.Awards[i] is not { } tier)
            {
                problems.Add(new(at, "This award is empty."));
                continue;
            }
            if (string.IsNullOrWhiteSpace(tier.Title))
                problems.Add(new($"{at}.title", "Every award needs a title."));
            if (tier.Count < 1)
                problems.Add(new($"{at}.count", $"Award '{tier.Title}' must go to at least 1 contestant, not {tier.Count}."));
            else
                places += tier.Count;
        }
        var contestants = d.Contestants?.Count ?? 0;
        if (places > contestants)
            problems.Add(new("awards", Invariant($"The awards are for {places} contestants, but the final has only {contestants}.")));
    }

    private static HashSet<string> JudgeIds(FinalDefinition d) =>
        new((d.Judges ?? []).Where(j => j is not null && !string.IsNullOrEmpty(j.Id)).Select(j => j.Id), StringComparer.Ordinal);
}
