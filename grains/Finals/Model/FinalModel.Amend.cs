using Arena.Journal;
using Arena.Scoring;

namespace Arena.Finals;

// Amending a running final: what may change when, what a change would orphan, and the standings under the new
// definition. The live fold and replay (?at=, verify) rebuild the standings with the same LiveStandings.From.
public sealed partial class FinalModel
{
    private Decision Amend(AmendDefinition c, Caller caller)
    {
        if (caller.Role != "admin") throw ArenaProblem.Forbidden("Only the admin can amend a final.");
        var old = RequireDefinition();
        var now = c.Definition;
        if (now.Id != FinalId)
            throw ArenaProblem.Invalid($"The definition's id cannot change (it is '{FinalId}').", [new FieldError("id", $"must stay '{FinalId}'")]);
        var problems = DefinitionValidator.Validate(now);
        if (problems.Count > 0) throw ArenaProblem.Invalid("The final definition is not valid.", FieldError.From(problems));
        var why = c.DryRun ? (c.Reason ?? "").Trim() : FinalChecks.Reason(c.Reason);

        var changes = DefinitionDiff.Compare(old, now);
        if (changes.Count == 0) return new Decision([]);
        if (Published && changes.FirstOrDefault(x => x.Kind != ChangeKinds.Cosmetic) is { } moving)
            throw ArenaProblem.Conflict($"The results of this final are published: only names, titles and the running order can change now, not {moving.Path}.");
        var orphans = Orphans(now);
        if (orphans.Count > 0)
            throw new ArenaProblem(409, "Conflict", "The amended definition would leave scores without a place: " +
                string.Join("; ", orphans.Select(o => Describe(old, o))) + ". Reopen or keep them, or keep what they belong to.", orphans: orphans);
        return Decision.Of(StreamHeads.Final, new DefinitionAmended(now, why, changes));
    }

    /// <summary>Every sheet, adjustment and closure given so far that the definition would leave without a place.</summary>
    private List<Orphan> Orphans(FinalDefinition now)
    {
        var orphans = new List<Orphan>();
        foreach (var (contestant, fold) in _contestants.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var present = now.Contestants.Any(x => x.Id == contestant);
            foreach (var ((round, judge), sheet) in fold.Current.OrderBy(s => s.Key.Round, StringComparer.Ordinal).ThenBy(s => s.Key.Judge, StringComparer.Ordinal))
                if (SheetOrphaned(now, present, contestant, round, judge, sheet) is { } why) orphans.Add(new Orphan(contestant, round, judge, "sheet", why));
            foreach (var a in fold.Adjustments)
                if (!present || (a.Round is not null && now.Rounds.All(r => r.Id != a.Round)))
                    orphans.Add(new Orphan(contestant, a.Round, null, "adjustment", present ? "round-removed" : "contestant-removed"));
            foreach (var x in fold.Closures)
                if (!present || now.Rounds.All(r => r.Id != x.Round))
                    orphans.Add(new Orphan(contestant, x.Round, null, "closure", present ? "round-removed" : "contestant-removed"));
        }
        return orphans;
    }

    private static string? SheetOrphaned(FinalDefinition now, bool present, string contestant, string round, string judge, Contestants.SheetSubmitted sheet)
    {
        if (!present) return "contestant-removed";
        if (now.Rounds.FirstOrDefault(r => r.Id == round) is not { } r) return "round-removed";
        if (now.Judges.All(j => j.Id != judge)) return "judge-removed";
        if (Assignments.IsRecused(now, judge, contestant)) return "recused";
        if (!Assignments.IsAssigned(now, judge, round)) return "not-assigned";
        return SheetRules.Validate(r, sheet.Criteria, sheet.Score, out var total).Count > 0 || total != sheet.Total ? "rubric" : null;
    }

    private static string Describe(FinalDefinition d, Orphan o)
    {
        var contestant = d.Contestants.FirstOrDefault(c => c.Id == o.Contestant)?.Name ?? o.Contestant;
        var round = o.Round is null ? null : d.Rounds.FirstOrDefault(r => r.Id == o.Round)?.Title ?? o.Round;
        var judge = o.Judge is null ? null : d.Judges.FirstOrDefault(j => j.Id == o.Judge)?.Name ?? o.Judge;
        return string.Join(" · ", new[] { contestant, round, judge, o.What }.Where(x => !string.IsNullOrEmpty(x))) + $" ({o.Why})";
    }

    /// <summary>The standings the admin would see under <paramref name="definition"/> (the preview of an amendment).</summary>
    public StandingsView StandingsUnder(FinalDefinition definition) => ToView(Rescore(definition).Full, Seq, Published);

    /// <summary>Standings from scratch under a definition: every contestant's sheets, adjustments and closures in effect.</summary>
    private LiveStandings Rescore(FinalDefinition definition) => LiveStandings.From(definition, Input());

    private void ApplyAmended(DefinitionAmended amended)
    {
        Definition = amended.Definition;
        _standings = Rescore(amended.Definition);
        DefinitionVersion = Seq;
        // What was on stage or revealed may be gone (a contestant or round removed without scores).
        if (Stage is { } s && !Exists(s)) Stage = null;
        if (RevealTarget is { } t && !Exists(t)) RevealTarget = null;
        LastKind = UpdateKinds.Definition;
    }

    private bool Exists(Stage s) => Definition!.Contestants.Any(c => c.Id == s.Contestant) && Definition.Rounds.Any(r => r.Id == s.Round);
}
