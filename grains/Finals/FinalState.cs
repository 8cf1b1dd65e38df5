using Arena.Journal;

namespace Arena.Finals;

/// <summary>The final's own stream as its grain keeps it: the entries (their meaning is folded by <see cref="FinalModel"/>).</summary>
[GenerateSerializer]
public sealed class FinalState
{
    [Id(0)] public List<JournalEntry> Entries { get; set; } = [];

    public void Apply(JournalEntry entry) => Entries.Add(entry);
}
