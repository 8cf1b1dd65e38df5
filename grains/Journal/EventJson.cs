using System.Text.Json;
using Arena.Contestants;
using Arena.Finals;
using Arena.Scoring;

namespace Arena.Journal;

/// <summary>
/// Events are stored as canonical JSON under a stable type name, so the hash covers exactly the stored bytes and
/// stored data survives class renames.
/// </summary>
public static class EventJson
{
    private static readonly JsonSerializerOptions Options = new(DefinitionJson.Options) { WriteIndented = false };

    private static readonly Dictionary<string, Type> Types = new()
    {
        ["FinalCreated"] = typeof(FinalCreated),
        ["DefinitionAmended"] = typeof(DefinitionAmended),
        ["ContestantCalled"] = typeof(ContestantCalled),
        ["ResultsPublished"] = typeof(ResultsPublished),
        ["ScreenModeChanged"] = typeof(ScreenModeChanged),
        ["TimerChanged"] = typeof(TimerChanged),
        ["PublicViewChanged"] = typeof(PublicViewChanged),
        ["StreamsSealed"] = typeof(StreamsSealed),
        ["SheetSubmitted"] = typeof(SheetSubmitted),
        ["SheetReopened"] = typeof(SheetReopened),
        ["AdjustmentApplied"] = typeof(AdjustmentApplied),
        ["RoundClosed"] = typeof(RoundClosed),
        ["AccessIssued"] = typeof(AccessIssued),
        ["AccessRevoked"] = typeof(AccessRevoked),
        ["AccessReleased"] = typeof(AccessReleased),
        ["ContestantWithdrawn"] = typeof(ContestantWithdrawn),
        ["WithdrawalUndone"] = typeof(WithdrawalUndone),
        ["DrawCommitted"] = typeof(DrawCommitted),
        ["DrawRevealed"] = typeof(DrawRevealed),
        ["AwardTierRevealed"] = typeof(AwardTierRevealed),
        ["RankingHeld"] = typeof(RankingHeld),
        ["RankingReleased"] = typeof(RankingReleased),
        ["AdjustmentProposed"] = typeof(AdjustmentProposed),
        ["VotingOpened"] = typeof(VotingOpened),
        ["TicketsIssued"] = typeof(TicketsIssued),
        ["VotesCounted"] = typeof(VotesCounted),
        ["BallotCast"] = typeof(Votes.BallotCast),
        ["BallotBoxClosed"] = typeof(Votes.BallotBoxClosed),
        ["AdjustmentRefused"] = typeof(AdjustmentRefused),
        ["PublicationProposed"] = typeof(PublicationProposed),
        ["PublicationConfirmed"] = typeof(PublicationConfirmed),
        ["PublicationRefused"] = typeof(PublicationRefused),
    };

    private static readonly Dictionary<Type, string> Names = Types.ToDictionary(kv => kv.Value, kv => kv.Key);

    public static (string Type, string Data) Serialize(object @event) =>
        (Names.TryGetValue(@event.GetType(), out var name) ? name : throw new InvalidOperationException($"{@event.GetType()} is not a journal event"),
         JsonSerializer.Serialize(@event, @event.GetType(), Options));

    public static object Deserialize(string type, string data) =>
        JsonSerializer.Deserialize(data, Types.TryGetValue(type, out var t) ? t : throw new InvalidOperationException($"unknown event type {type}"), Options)
        ?? throw new InvalidOperationException($"empty {type} event");
}
