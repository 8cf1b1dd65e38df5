using System.Globalization;
using System.Text.Json;

namespace Arena.Scoring;

/// <summary>How far an amendment reaches: names only, who takes part, or how scores are computed.</summary>
public static class ChangeKinds
{
    /// <summary>Names, titles, units, the running order: allowed at any time, also after publication.</summary>
    public const string Cosmetic = "cosmetic";
    /// <summary>A judge or contestant added or removed (none with sheets), the gate, the chief judge: before publication.</summary>
    public const string Roster = "roster";
    /// <summary>Moves scores already given (weights, aggregation, rubric, panels, recusals, rounding, ranking, awards): before publication.</summary>
    public const string Scoring = "scoring";
}

/// <summary>One difference between two definitions. <see cref="Path"/> names the element by id (<c>rounds[speech].weight</c>,
/// <c>judges[j2]</c>); <see cref="Before"/>/<see cref="After"/> are what an organiser reads (null: not there).</summary>
public sealed record DefinitionChange(string Kind, string Path, string? Before, string? After);

/// <summary>
/// The differences between a final's definition and an amended one, each classified (<see cref="ChangeKinds"/>). Pure;
/// the final's model adds what needs its sheets (orphans). Lists are compared by id, so reordering is a change of order
/// only, and an element added or removed is one change naming it.
/// </summary>
public static partial class DefinitionDiff
{
    public static IReadOnlyList<DefinitionChange> Compare(FinalDefinition old, FinalDefinition now)
    {
        var changes = new List<DefinitionChange>();
        var add = new Changes(changes);
        add.Value(ChangeKinds.Cosmetic, "title", old.Title, now.Title);
        add.Value(ChangeKinds.Roster, "gate", old.Gate, now.Gate);
        Rounds(add, old.Rounds, now.Rounds);
        Judges(add, old.Judges, now.Judges);
        Contestants(add, old.Contestants, now.Contestants);
        add.Value(ChangeKinds.Scoring, "rounding.decimals", Text(old.Rounding.Decimals), Text(now.Rounding.Decimals));
        add.Value(ChangeKinds.Scoring, "rounding.mode", old.Rounding.Mode, now.Rounding.Mode);
        add.Value(ChangeKinds.Scoring, "ranking.tieBreakers", List(old.Ranking.TieBreakers), List(now.Ranking.TieBreakers));
        Awards(add, old.Awards, now.Awards);
        add.Value(ChangeKinds.Scoring, "signOff", (old.SignOff == true).ToString(), (now.SignOff == true).ToString());
        // Anything the rules above do not name still counts, and conservatively: it may move scores.
        if (changes.Count == 0 && !SameJson(old, now))
            changes.Add(new DefinitionChange(ChangeKinds.Scoring, "definition", null, null));
        return changes;
    }

    // Numbers compared by value: 0.70 and 0.7 are the same weight.
    private static bool SameJson(FinalDefinition a, FinalDefinition b)
    {
        using var x = JsonDocument.Parse(DefinitionJson.Serialize(a));
        using var y = JsonDocument.Parse(DefinitionJson.Serialize(b));
        return JsonElement.DeepEquals(x.RootElement, y.RootElement);
    }

    private static void Judges(Changes add, IReadOnlyList<JudgeDefinition> old, IReadOnlyList<JudgeDefinition> now)
    {
        add.Order("judges", old.Select(j => j.Id), now.Select(j => j.Id));
        foreach (var (id, a, b) in Pair(old, now, j => j.Id))
        {
            var at = $"judges[{id}]";
            if (a is null || b is null) { add.Presence(ChangeKinds.Roster, at, a?.Name, b?.Name); continue; }
            add.Value(ChangeKinds.Cosmetic, at + ".name", a.Name, b.Name);
            add.Value(ChangeKinds.Scoring, at + ".panel", a.Panel ?? "", b.Panel ?? "");
            add.Value(ChangeKinds.Roster, at + ".chief", Text(a.Chief), Text(b.Chief));
            add.Value(ChangeKinds.Scoring, at + ".recusals", List(a.Recusals), List(b.Recusals));
        }
    }

    private static void Contestants(Changes add, IReadOnlyList<ContestantDefinition> old, IReadOnlyList<ContestantDefinition> now)
    {
        foreach (var (id, a, b) in Pair(old, now, c => c.Id))
        {
            var at = $"contestants[{id}]";
            if (a is null || b is null) { add.Presence(ChangeKinds.Roster, at, a?.Name, b?.Name); continue; }
            add.Value(ChangeKinds.Cosmetic, at + ".name", a.Name, b.Name);
            add.Value(ChangeKinds.Cosmetic, at + ".unit", a.Unit ?? "", b.Unit ?? "");
            add.Value(ChangeKinds.Cosmetic, at + ".order", Text(a.Order), Text(b.Order));
        }
    }

    private static void Awards(Changes add, IReadOnlyList<AwardTier> old, IReadOnlyList<AwardTier> now)
    {
        if (old.Count != now.Count || old.Zip(now).Any(p => p.First.Count != p.Second.Count))
        {
            add.Value(ChangeKinds.Scoring, "awards", string.Join(", ", old.Select(a => $"{a.Title} {a.Count}")), string.Join(", ", now.Select(a => $"{a.Title} {a.Count}")));
            return;
        }
        for (var i = 0; i < old.Count; i++) add.Value(ChangeKinds.Cosmetic, $"awards[{i}].title", old[i].Title, now[i].Title);
    }

    /// <summary>Elements of two lists matched by id, in the order of the new list, then the removed ones.</summary>
    private static IEnumerable<(string Id, T? Old, T? New)> Pair<T>(IReadOnlyList<T> old, IReadOnlyList<T> now, Func<T, string> id) where T : class
    {
        var before = old.ToDictionary(id, StringComparer.Ordinal);
        var after = now.ToDictionary(id, StringComparer.Ordinal);
        foreach (var item in now) yield return (id(item), before.GetValueOrDefault(id(item)), item);
        foreach (var item in old.Where(o => !after.ContainsKey(id(o)))) yield return (id(item), item, null);
    }

    // Normalised, so that 0.70 and 0.7 (the same weight, written differently) are no change.
    private static string Text(decimal? value) => (value / 1.0000000000000000000000000000m)?.ToString(CultureInfo.InvariantCulture) ?? "";
    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Text(bool value) => value ? "true" : "false";
    private static string List(IEnumerable<string>? items) => string.Join(", ", items ?? []);

    /// <summary>Collects changes: only values that differ are recorded.</summary>
    private sealed class Changes(List<DefinitionChange> list)
    {
        public void Value(string kind, string path, string? before, string? after)
        {
            if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal)) list.Add(new DefinitionChange(kind, path, before, after));
        }

        public void Presence(string kind, string path, string? before, string? after) => list.Add(new DefinitionChange(kind, path, before, after));

        /// <summary>The order of the elements both lists have (added and removed ones are changes of their own).</summary>
        public void Order(string path, IEnumerable<string> old, IEnumerable<string> now)
        {
            var a = old.ToList();
            var b = now.ToList();
            var common = a.Intersect(b, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            Value(ChangeKinds.Cosmetic, path + ".order", List(a.Where(common.Contains)), List(b.Where(common.Contains)));
        }
    }
}
