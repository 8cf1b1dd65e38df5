using Arena.Scoring;

namespace Arena.Finals;

/// <summary>The refusals that depend only on the definition, each with the contract's status.</summary>
internal static class FinalChecks
{
    public static ContestantDefinition Contestant(FinalDefinition d, string? id) =>
        d.Contestants.FirstOrDefault(c => c.Id == id) ?? throw ArenaProblem.NotFound($"Final {d.Id} has no contestant '{id}'.");

    public static RoundDefinition Round(FinalDefinition d, string? id) =>
        d.Rounds.FirstOrDefault(r => r.Id == id) ?? throw ArenaProblem.NotFound($"Final {d.Id} has no round '{id}'.");

    public static JudgeDefinition Judge(FinalDefinition d, string? id) =>
        d.Judges.FirstOrDefault(j => j.Id == id) ?? throw ArenaProblem.NotFound($"Final {d.Id} has no judge '{id}'.");

    /// <summary>Chief-judge actions: only the judge marked <c>chief</c> may take them.</summary>
    public static void Chief(FinalDefinition d, Caller caller)
    {
        if (!caller.IsChiefOf(d))
            throw ArenaProblem.Forbidden("Only the chief judge of this final may do this.");
    }

    public static string Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw ArenaProblem.Invalid("A reason is required.", [new FieldError("reason", "Say why; it goes into the journal.")]) : reason.Trim();

    public static void NotPublished(bool published)
    {
        if (published) throw ArenaProblem.Conflict("The results of this final are published; nothing can change any more.");
    }
}
