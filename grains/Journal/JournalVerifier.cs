using Arena.Finals;
using Arena.Scoring;

namespace Arena.Journal;

/// <summary>
/// Checks a final's journal as stored: every stream's hash chain and signatures, every stream against the heads the
/// final's own stream recorded (round completions, publication), and the standings recomputed from scratch by the
/// scoring engine against the incremental ones. A deleted, truncated, rolled-back or edited row fails, naming the
/// first bad event of its stream and why.
/// </summary>
public static class JournalVerifier
{
    public static VerifyReport Verify(string finalId, IReadOnlyList<JournalEntry> entries, ISignatureCheck signer, StandingsResult? live = null) =>
        Verify(finalId, entries, signer, live, out _);

    /// <summary>As above, and the final folded from the entries in journal order (for a caller that reads it next).</summary>
    public static VerifyReport Verify(string finalId, IReadOnlyList<JournalEntry> entries, ISignatureCheck signer, StandingsResult? live, out FinalModel model,
        IReadOnlyList<JournalEntry>? ballots = null)
    {
        var problems = new List<string>();
        var streams = entries.GroupBy(e => e.Stream).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Index).ToList(), StringComparer.Ordinal);
        foreach (var (name, stream) in streams.OrderBy(s => s.Key, StringComparer.Ordinal))
            problems.AddRange(HashChain.Check(name, stream, signer).Take(1)); // the first bad event; the rest follow from it

        var ordered = Replay.Order(entries);
        model = Replay.Fold(finalId, ordered);
        if (model.Definition is null) problems.Add("The journal has no FinalCreated event.");
        else
        {
            foreach (var seal in streams.GetValueOrDefault(StreamHeads.Final) ?? [])
                problems.AddRange(Sealed(seal, streams));
            var recomputed = ScoringEngine.Compute(model.Definition, model.Input());
            problems.AddRange(Differences("the incremental standings", model.Standings.Full, recomputed));
            if (live is not null) problems.AddRange(Differences("the live standings", live, recomputed));
            if (ballots is not null) problems.AddRange(Recount(entries, ballots, signer));
        }
        var heads = streams.Values.Where(s => s.Count > 0).Select(s => new StreamHead(s[^1].Stream, s.Count, s[^1].Hash));
        return new VerifyReport(problems.Count == 0, entries.Count, problems, StreamHeads.Digest(heads), model.PublishedDigest, signer.KeyId);
    }

    /// <summary>A seal or a publication recorded how far each stream had got; the stored stream must still reach it.</summary>
    private static IEnumerable<string> Sealed(JournalEntry entry, Dictionary<string, List<JournalEntry>> streams)
    {
        var heads = EventJson.Deserialize(entry.Type, entry.Data) switch
        {
            StreamsSealed s => s.Heads,
            ResultsPublished { Heads: { } h } => h,
            _ => null,
        };
        foreach (var head in heads ?? [])
        {
            var stream = streams.GetValueOrDefault(head.Stream) ?? [];
            var where = $"{head.Stream}: the final's entry {entry.Index} ({entry.Type}, {entry.At:O}) recorded {head.Count} entries";
            if (stream.Count < head.Count)
                yield return $"{where}; only {stream.Count} are stored: entries from {stream.Count} on were deleted or rolled back";
            else if (stream[head.Count - 1].Hash != head.Hash)
                yield return $"{where} ending in {head.Hash[..12]}…; entry {head.Count - 1} stored now differs: the stream was rewritten";
        }
    }

    /// <summary>
    /// The audience's ballots (journal "{final}#ballots"): every box's chain, and every count the final recorded
    /// (VotesCounted) recounted from the boxes' ballots — one per voter — and each box still reaching the head recorded.
    /// </summary>
    private static IEnumerable<string> Recount(IReadOnlyList<JournalEntry> entries, IReadOnlyList<JournalEntry> ballots, ISignatureCheck signer)
    {
        var boxes = ballots.GroupBy(e => e.Stream).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Index).ToList(), StringComparer.Ordinal);
        foreach (var (name, box) in boxes.OrderBy(b => b.Key, StringComparer.Ordinal))
            foreach (var problem in HashChain.Check(name, box, signer).Take(1)) yield return "ballots " + problem;
        foreach (var entry in entries.Where(e => e.Type == nameof(Contestants.VotesCounted)))
        {
            if (EventJson.Deserialize(entry.Type, entry.Data) is not Contestants.VotesCounted counted) continue;
            var where = $"{entry.Stream}: the count of vote {counted.Window} (entry {entry.Index}, {entry.At:O})";
            foreach (var head in counted.Boxes)
            {
                var box = boxes.GetValueOrDefault(head.Stream) ?? [];
                if (box.Count < head.Count) yield return $"{where} recorded {head.Count} entries of {head.Stream}; only {box.Count} are stored: ballots were deleted";
                else if (box[head.Count - 1].Hash != head.Hash) yield return $"{where} recorded {head.Stream} ending in {head.Hash[..12]}…; the stored box differs: it was rewritten";
            }
            var prefix = $"box:{counted.Window}:";
            var cast = boxes.Where(b => b.Key.StartsWith(prefix, StringComparison.Ordinal)).SelectMany(b => b.Value)
                .Select(e => EventJson.Deserialize(e.Type, e.Data)).OfType<Votes.BallotCast>()
                .GroupBy(b => b.Voter, StringComparer.Ordinal).Select(g => g.First()).ToList();
            if (cast.Count != counted.Ballots || cast.Sum(b => (long)b.Value) != counted.Sum)
                yield return $"{where} says {counted.Ballots} ballots summing to {counted.Sum}; the boxes hold {cast.Count} summing to {cast.Sum(b => (long)b.Value)}";
        }
    }

    private static IEnumerable<string> Differences(string what, StandingsResult standings, StandingsResult recomputed)
    {
        var byId = recomputed.Rows.ToDictionary(r => r.Contestant);
        foreach (var row in standings.Rows)
        {
            if (!byId.TryGetValue(row.Contestant, out var other)) { yield return $"{row.Contestant}: missing from the recomputed standings"; continue; }
            if (row.Total != other.Total || row.Rank != other.Rank || row.Complete != other.Complete)
                yield return $"{row.Contestant}: {what} say rank {row.Rank}, total {row.Total}; the journal gives rank {other.Rank}, total {other.Total}";
        }
    }
}
