using Arena.Contestants;
using Arena.Finals;
using Arena.Journal;
using Arena.Scoring;

namespace Arena.Web.Reports;

/// <summary>
/// Reads a final for printing the way <c>GET …/bundle</c> does: the journal as stored (not a grain's memory), checked
/// with the server's own key first — a journal that does not verify is not printed with a digest that vouches for it —
/// then folded once. Numbers and digest come from that one read, so a sheet submitted meanwhile cannot slip between them.
/// </summary>
public static class ReportSource
{
    public static async Task<ReportData> Read(string finalId, IJournalStore store, JournalSigner signer, TimeProvider clock, CancellationToken cancellation)
    {
        var (entries, check, model) = await VerifiedJournal.Read(store, finalId, signer, "no result sheet is printed from it", cancellation);
        var d = model.RequireDefinition();
        var published = entries.LastOrDefault(e => e.Type == nameof(ResultsPublished));
        var sheets = model.Sheets().ToLookup(s => (s.Contestant, s.Round));
        var adjustments = Adjustments(entries).ToLookup(a => a.Contestant, a => a.Adjustment);

        var contestants = model.Standings.Full.Rows.Select(row =>
        {
            var who = d.Contestants.First(c => c.Id == row.Contestant);
            var rounds = d.Rounds.Select(r => new RoundReport(r, row.Detail.First(x => x.Round == r.Id),
                [.. sheets[(row.Contestant, r.Id)].Select(s => new JudgeSheet(d.Judges.First(j => j.Id == s.Judge), s.State, s.Total, s.Criteria, s.Counted))],
                [.. d.Judges.Where(j => Assignments.IsAssigned(d, j.Id, r.Id) && Assignments.IsRecused(d, j.Id, row.Contestant))])).ToList();
            return new ContestantReport(who, row, rounds, [.. adjustments[row.Contestant]], Withdrawn: row.Withdrawn);
        }).ToList();

        return new ReportData(d, model.Published, published?.At, clock.GetUtcNow(),
            model.PublishedDigest ?? check.Digest ?? "", ExportKeyCheck.Fingerprint(signer.ExportPublicKey), entries.Count, contestants)
        { Zone = clock.LocalTimeZone, PublicationConfirmed = PublicationSignOff(entries), JudgeReport = JudgeReportView.From(d, model.Published, JudgeConsistency.Compute(d, model.Standings.Full, new OutlierThresholds())) };
    }

    /// <summary>Every adjustment with who applied it and when: the journal entry carries those, the event the rest. A
    /// confirmed proposal (sign-off) is printed as the chief judge asked it, with the supervisor's confirmation.</summary>
    private static IEnumerable<(string Contestant, AdjustmentReport Adjustment)> Adjustments(IReadOnlyList<JournalEntry> entries)
    {
        var asked = (from e in entries where e.Type == nameof(AdjustmentProposed)
                     select (Entry: e, Event: (AdjustmentProposed)EventJson.Deserialize(e.Type, e.Data))).ToDictionary(x => x.Event.Proposal, x => x.Entry);
        return from e in entries
               where e.Type == nameof(AdjustmentApplied) && StreamHeads.ContestantOf(e.Stream) is not null
               let a = (AdjustmentApplied)EventJson.Deserialize(e.Type, e.Data)
               let proposal = a.Proposal is { } id ? asked.GetValueOrDefault(id) : null
               select (StreamHeads.ContestantOf(e.Stream)!, proposal is null
                   ? new AdjustmentReport(a.Round, a.Points, a.Reason, e.Actor, e.At)
                   : new AdjustmentReport(a.Round, a.Points, a.Reason, proposal.Actor, proposal.At, new SignOffReport(e.Actor, e.At, a.Note ?? "")));
    }

    private static SignOffReport? PublicationSignOff(IReadOnlyList<JournalEntry> entries) =>
        entries.LastOrDefault(e => e.Type == nameof(PublicationConfirmed)) is { } e
            ? new SignOffReport(e.Actor, e.At, ((PublicationConfirmed)EventJson.Deserialize(e.Type, e.Data)).Reason) : null;
}
