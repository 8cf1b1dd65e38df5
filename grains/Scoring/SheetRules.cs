using static System.FormattableString;

namespace Arena.Scoring;

/// <summary>What a judge may submit for a round: a complete rubric on its steps, or one score on the round's step.</summary>
public static class SheetRules
{
    /// <summary>A step that is not given: scores in cents, the finest a scoreboard shows.</summary>
    public const decimal DefaultStep = 0.01m;

    /// <param name="total">The sheet's total (sum of the criteria, or the score); meaningful only when no problem is returned.</param>
    public static IReadOnlyList<ValidationProblem> Validate(
        RoundDefinition round, IReadOnlyDictionary<string, decimal>? criteria, decimal? score, out decimal total)
    {
        ArgumentNullException.ThrowIfNull(round);
        var problems = new List<ValidationProblem>();
        total = round.Criteria is { Count: > 0 } rubric
            ? ValidateRubric(rubric, criteria, score, problems)
            : ValidateSingle(round, criteria, score, problems);
        return problems;
    }

    private static decimal ValidateRubric(
        IReadOnlyList<CriterionDefinition> rubric, IReadOnlyDictionary<string, decimal>? given, decimal? score,
        List<ValidationProblem> problems)
    {
        if (score is not null)
            problems.Add(new("score", "This round is scored by its criteria, not by a single score."));
        if (given is null || given.Count == 0)
        {
            problems.Add(new("criteria", $"Give a value for every criterion: {string.Join(", ", rubric.Select(c => c.Id))}."));
            return 0m;
        }

        var total = 0m;
        foreach (var criterion in rubric)
        {
            var path = $"criteria.{criterion.Id}";
            if (!given.TryGetValue(criterion.Id, out var value))
                problems.Add(new(path, $"Criterion '{criterion.Id}' has no value."));
            else if (CheckValue(path, $"Criterion '{criterion.Id}'", value, criterion.Max, criterion.Step, problems))
                total += value;
        }

        // Sorted so that the same sheet always produces the same list of problems.
        foreach (var unknown in given.Keys.Where(k => !rubric.Any(c => c.Id == k)).Order(StringComparer.Ordinal))
            problems.Add(new($"criteria.{unknown}", $"This round has no criterion '{unknown}'."));
        return total;
    }

    private static decimal ValidateSingle(
        RoundDefinition round, IReadOnlyDictionary<string, decimal>? given, decimal? score, List<ValidationProblem> problems)
    {
        if (given is { Count: > 0 })
            problems.Add(new("criteria", "This round takes a single score, not criteria."));
        if (score is not { } value)
        {
            problems.Add(new("score", "Give a score."));
            return 0m;
        }
        CheckValue("score", "The score", value, round.Max ?? 0m, round.Step, problems);
        return value;
    }

    private static bool CheckValue(string path, string what, decimal value, decimal max, decimal? step, List<ValidationProblem> problems)
    {
        var onStep = step is > 0m ? step.Value : DefaultStep;
        if (value < 0m || value > max)
            problems.Add(new(path, Invariant($"{what} must be between 0 and {max}; {value} is not.")));
        // decimal's remainder is exact, so 37.5 is on a 0.5 step and 37.3 is not, with no tolerance to tune.
        else if (value % onStep != 0m)
            problems.Add(new(path, Invariant($"{what} must be a multiple of {onStep}; {value} is not.")));
        else
            return true;
        return false;
    }
}
