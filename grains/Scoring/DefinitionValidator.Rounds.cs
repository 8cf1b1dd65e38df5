using static System.FormattableString;

namespace Arena.Scoring;

public static partial class DefinitionValidator
{
    private static HashSet<string> CheckRounds(FinalDefinition d, HashSet<string> judgeIds, List<ValidationProblem> problems)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (d.Rounds is not { Count: > 0 })
        {
            problems.Add(new("rounds", "The final needs at least one round."));
            return ids;
        }
        for (var i = 0; i < d.Rounds.Count; i++)
        {
            var at = $"rounds[{i}]";
            if (d.Rounds[i] is not { } round)
            {
                problems.Add(new(at, "This round is empty."));
                continue;
            }
            Ids.Check(problems, $"{at}.id", round.Id, "round", ids);
            if (round.Weight <= 0m)
                problems.Add(new($"{at}.weight", Invariant($"Round '{round.Id}' needs a weight greater than 0, not {round.Weight}.")));
            CheckScale(round, at, problems);
            CheckAggregation(round, at, problems);
            CheckPanels(round, at, problems);
            CheckRoundJudges(round, at, judgeIds, problems);
        }
        return ids;
    }

    // A round is a rubric (criteria, each with its max and step) or a single score (max and step of its own), never both:
    // a max beside criteria would be ignored, and an organiser who wrote it expected it to mean something.
    private static void CheckScale(RoundDefinition round, string at, List<ValidationProblem> problems)
    {
        var rubric = round.Criteria is { Count: > 0 };
        if (rubric && round.Max is not null)
            problems.Add(new($"{at}.max", $"Round '{round.Id}' has criteria, so it takes no max of its own: each criterion has one."));
        else if (!rubric && round.Max is null)
            problems.Add(new(at, $"Round '{round.Id}' needs either criteria (a rubric) or a max (a single score)."));
        else if (round.Max is <= 0m)
            problems.Add(new($"{at}.max", Invariant($"Round '{round.Id}' needs a max greater than 0, not {round.Max}.")));

        if (rubric && round.Step is not null)
            problems.Add(new($"{at}.step", $"Round '{round.Id}' has criteria, so it takes no step of its own: give each criterion its step."));
        else if (round.Step is <= 0m)
            problems.Add(new($"{at}.step", Invariant($"Round '{round.Id}' needs a step greater than 0, not {round.Step}.")));

        if (!rubric) return;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < round.Criteria!.Count; i++)
        {
            var cat = $"{at}.criteria[{i}]";
            if (round.Criteria[i] is not { } c)
            {
                problems.Add(new(cat, "This criterion is empty."));
                continue;
            }
            Ids.Check(problems, $"{cat}.id", c.Id, "criterion", ids);
            if (c.Max <= 0m)
                problems.Add(new($"{cat}.max", Invariant($"Criterion '{c.Id}' needs a max greater than 0, not {c.Max}.")));
            if (c.Step is <= 0m)
                problems.Add(new($"{cat}.step", Invariant($"Criterion '{c.Id}' needs a step greater than 0, not {c.Step}.")));
        }
    }

    private static void CheckAggregation(RoundDefinition round, string at, List<ValidationProblem> problems)
    {
        if (round.Aggregation is not { } a)
        {
            problems.Add(new($"{at}.aggregation", $"Round '{round.Id}' needs an aggregation, e.g. {{ \"method\": \"mean\" }}."));
            return;
        }
        if (!AggregationMethods.All.Contains(a.Method))
            problems.Add(new($"{at}.aggregation.method",
                $"Aggregation method '{a.Method}' is unknown; use {string.Join(", ", AggregationMethods.All)}."));
        CheckDrop(round.Id, a.Method, a.DropHighest, "dropHighest", "highest", at, problems);
        CheckDrop(round.Id, a.Method, a.DropLowest, "dropLowest", "lowest", at, problems);
    }

    private static void CheckDrop(
        string round, string method, int drop, string field, string which, string at, List<ValidationProblem> problems)
    {
        if (drop < 0)
            problems.Add(new($"{at}.aggregation.{field}", $"Round '{round}' cannot drop a negative number ({drop}) of {which} sheets."));
        else if (drop > 0 && method != AggregationMethods.TrimmedMean)
            problems.Add(new($"{at}.aggregation.{field}",
                $"Round '{round}' drops {which} sheets, but only '{AggregationMethods.TrimmedMean}' drops sheets, not '{method}'."));
    }

    // Panel weights are weights, not shares: 0.8/0.2 and 70/30 are both fine, so they need not sum to 1.
    private static void CheckPanels(RoundDefinition round, string at, List<ValidationProblem> problems)
    {
        if (round.Panels is null) return;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < round.Panels.Count; i++)
        {
            var pat = $"{at}.panels[{i}]";
            if (round.Panels[i] is not { } p)
            {
                problems.Add(new(pat, "This panel is empty."));
                continue;
            }
            Ids.Check(problems, $"{pat}.id", p.Id, "panel", ids);
            if (p.Weight <= 0m)
                problems.Add(new($"{pat}.weight", Invariant($"Panel '{p.Id}' of round '{round.Id}' needs a weight greater than 0, not {p.Weight}.")));
            CheckAudience(round, p, pat, problems);
        }
        if (round.Panels.Count(PanelKinds.IsAudience) > 1)
            problems.Add(new($"{at}.panels", $"Round '{round.Id}' has more than one audience panel; the hall votes once per contestant and round."));
    }

    private static void CheckAudience(RoundDefinition round, PanelDefinition p, string pat, List<ValidationProblem> problems)
    {
        if (p.Kind is not null && p.Kind is not (PanelKinds.Judges or PanelKinds.Audience))
            problems.Add(new($"{pat}.kind", $"Panel '{p.Id}' of round '{round.Id}' has kind '{p.Kind}'; use '{PanelKinds.Judges}' or '{PanelKinds.Audience}'."));
        if (!PanelKinds.IsAudience(p))
        {
            if (p.Vote is not null || p.Voters is not null)
                problems.Add(new($"{pat}.kind", $"Panel '{p.Id}' of round '{round.Id}' sets vote or voters, which only an '{PanelKinds.Audience}' panel takes."));
            return;
        }
        if (p.Vote is not null && !VoteMethods.All.Contains(p.Vote))
            problems.Add(new($"{pat}.vote", $"Panel '{p.Id}' of round '{round.Id}' votes by '{p.Vote}'; use one of {string.Join(", ", VoteMethods.All)}."));
        if (p.Voters is not null && !VoterKinds.All.Contains(p.Voters))
            problems.Add(new($"{pat}.voters", $"Panel '{p.Id}' of round '{round.Id}' lets '{p.Voters}' vote; use one of {string.Join(", ", VoterKinds.All)}."));
    }

    private static void CheckRoundJudges(RoundDefinition round, string at, HashSet<string> judgeIds, List<ValidationProblem> problems)
    {
        if (round.Judges is null) return;
        for (var i = 0; i < round.Judges.Count; i++)
        {
            var id = round.Judges[i];
            if (!judgeIds.Contains(id ?? ""))
                problems.Add(new($"{at}.judges[{i}]", $"Round '{round.Id}' names judge '{id}', who is not a judge of this final."));
        }
    }
}
