using System.Text.Json;
using Arena.Finals;
using Arena.Scoring;

namespace Arena.Journal;

/// <summary>
/// A final's whole record in one JSON document, checkable by anyone without the server or its database: every journal
/// event exactly as stored (its data as the stored text, so hashes recompute byte for byte), each signed again with the
/// public export key (<see cref="JournalSigner.SignForExport"/>), that key's public half, the heads and their digest,
/// and the standings the server derived. <see cref="Verify"/> recomputes all of it.
/// </summary>
public sealed record JournalBundle(
    string Format,
    string Final,
    DateTimeOffset ExportedAt,
    FinalDefinition Definition,
    BundleKey Key,
    IReadOnlyList<BundleEvent> Events,
    string Digest,
    string? PublishedDigest,
    StandingsView Standings)
{
    public const string FormatName = "arena-bundle/1";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The bundle of a journal the server has checked with its own key (<see cref="VerifiedJournal"/>).</summary>
    public static JournalBundle Build(VerifiedJournal journal, JournalSigner signer, DateTimeOffset now)
    {
        var (entries, model) = (journal.Entries, journal.Model);
        var events = entries.Select(e => new BundleEvent(e.Seq, e.Stream, e.Index, e.At, e.Actor, e.Type, e.Data, e.Hash, signer.SignForExport(e.Hash))).ToList();
        var publicKey = signer.ExportPublicKey;
        return new JournalBundle(FormatName, model.FinalId, now, model.RequireDefinition(), new BundleKey("ES256", ExportKeyCheck.Fingerprint(publicKey), publicKey),
            events, journal.Check.Digest!, model.PublishedDigest, model.StandingsView(revealedOnly: false));
    }

    /// <summary>
    /// Everything the file alone can prove: the key is the one named (and the one expected, when given), events are
    /// in journal order, every stream's hash chain and every signature hold, the seals and the publication still
    /// reach the stored streams, the standings recomputed from scratch by the scoring engine equal the ones in the
    /// file, and the digests are the journal's. Problems name the first bad event.
    /// </summary>
    public static BundleReport Verify(JournalBundle bundle, string? expectedKeyId = null)
    {
        var problems = new List<string>();
        if (bundle.Format != FormatName) return BundleReport.Failed($"Not an Arena bundle of format {FormatName} (format: '{bundle.Format}').");
        ExportKeyCheck key;
        try { key = new ExportKeyCheck(bundle.Key.PublicKey); }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return BundleReport.Failed($"The bundle's public key cannot be read: {e.Message}");
        }
        if (key.KeyId != bundle.Key.Id) problems.Add($"The bundle names key {bundle.Key.Id}, but its public key is {key.KeyId}.");
        if (expectedKeyId is not null && !string.Equals(expectedKeyId, key.KeyId, StringComparison.OrdinalIgnoreCase))
            problems.Add($"The bundle is signed with key {key.KeyId}, not with the expected key {expectedKeyId}.");

        var entries = bundle.Events.Select(e => new JournalEntry(e.Stream, e.Index, e.At, e.Actor, e.Type, e.Data, e.Hash, e.Signature, e.Seq)).ToList();
        problems.AddRange(OutOfOrder(bundle.Events).Take(1));

        VerifyReport journal;
        FinalModel model;
        try
        {
            journal = JournalVerifier.Verify(bundle.Final, entries, key, null, out model);
        }
        catch (Exception e) when (e is JsonException or ArenaProblem or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return BundleReport.Failed([.. problems, $"An event cannot be read: {e.Message}"]);
        }
        problems.AddRange(journal.Problems);
        if (journal.Digest != bundle.Digest) problems.Add($"The bundle's digest {bundle.Digest} is not the digest of its events' heads ({journal.Digest}).");
        if (model.PublishedDigest != bundle.PublishedDigest)
            problems.Add($"The bundle says the published digest is {bundle.PublishedDigest ?? "none"}; its events say {model.PublishedDigest ?? "none"}.");
        if (model.Definition is { } d)
        {
            if (JsonSerializer.Serialize(d, Json) != JsonSerializer.Serialize(bundle.Definition, Json))
                problems.Add("The bundle's definition is not the one its events give.");
            problems.AddRange(StandingsDiffer(bundle.Standings, ScoringEngine.Compute(d, model.Input())));
        }
        return new BundleReport(problems.Count == 0, entries.Count, problems, journal.Digest, model.PublishedDigest, key.KeyId);
    }

    /// <summary>Events are listed by their final-wide sequence number (journals from before it had one: 0, by time).</summary>
    private static IEnumerable<string> OutOfOrder(IReadOnlyList<BundleEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            var (before, e) = (events[i - 1], events[i]);
            if (e.Seq > 0 && e.Seq <= before.Seq || e.Seq == 0 && before.Seq > 0)
                yield return $"{e.Stream}: entry {e.Index} ({e.Type}, seq {e.Seq}) is out of order: it is listed after seq {before.Seq}";
        }
    }

    private static IEnumerable<string> StandingsDiffer(StandingsView stated, StandingsResult recomputed)
    {
        var byId = recomputed.Rows.ToDictionary(r => r.Contestant);
        if (stated.Rows.Count != byId.Count) yield return $"The bundle's standings list {stated.Rows.Count} contestants; the events give {byId.Count}.";
        foreach (var row in stated.Rows)
        {
            if (!byId.TryGetValue(row.Contestant, out var other)) { yield return $"{row.Contestant}: in the bundle's standings but not in the events"; continue; }
            if (row.Total != other.Total || row.Rank != other.Rank || row.Complete != other.Complete || row.Award != other.Award)
                yield return $"{row.Contestant}: the bundle's standings say rank {row.Rank}, total {row.Total}; the events give rank {other.Rank}, total {other.Total}";
        }
    }
}

/// <summary>The public key that signed a bundle's events: ES256 over each event's hash.</summary>
public sealed record BundleKey(string Algorithm, string Id, string PublicKey);

/// <summary>One journal event as stored; <see cref="Data"/> is the stored JSON text, <see cref="Signature"/> the export signature.</summary>
public sealed record BundleEvent(long Seq, string Stream, int Index, DateTimeOffset At, string Actor, string Type, string Data, string Hash, string Signature);

public sealed record BundleReport(bool Ok, int Events, IReadOnlyList<string> Problems, string? Digest, string? PublishedDigest, string? KeyId)
{
    public static BundleReport Failed(params string[] problems) => new(false, 0, problems, null, null, null);
}
