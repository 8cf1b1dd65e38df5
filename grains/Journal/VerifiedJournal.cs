using Arena.Finals;

namespace Arena.Journal;

/// <summary>
/// A final's journal as stored (not a grain's memory), checked with the server's own key and folded once: what the
/// records an official takes away (the bundle, the result sheet) are made from. A journal that does not verify is
/// refused (409), so nothing vouches for a tampered one; and the numbers and the digest come from one read, so a
/// sheet submitted meanwhile cannot slip between them.
/// </summary>
public sealed record VerifiedJournal(IReadOnlyList<JournalEntry> Entries, VerifyReport Check, FinalModel Model)
{
    /// <param name="refused">What is not made of a journal that does not verify, for the 409's detail.</param>
    public static async Task<VerifiedJournal> Read(IJournalStore store, string finalId, JournalSigner signer, string refused, CancellationToken cancellation)
    {
        var entries = Replay.Order(await store.ReadFinalAsync(finalId, cancellation));
        if (entries.Count == 0) throw ArenaProblem.NotFound($"There is no final '{finalId}'.");
        var ballots = await store.ReadFinalAsync(Votes.BallotStreams.Journal(finalId), cancellation);
        var check = JournalVerifier.Verify(finalId, entries, signer, null, out var model, ballots);
        if (!check.Ok) throw ArenaProblem.Conflict($"The journal does not verify, so {refused}: " + string.Join("; ", check.Problems));
        return new VerifiedJournal(entries, check, model);
    }
}
