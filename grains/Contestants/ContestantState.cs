using Arena.Journal;

namespace Arena.Contestants;

/// <summary>A contestant's stream as its grain keeps it: the entries themselves (the final grain folds their meaning).</summary>
[GenerateSerializer]
public sealed class ContestantState
{
    [Id(0)] public List<JournalEntry> Entries { get; set; } = [];

    public void Apply(JournalEntry entry) => Entries.Add(entry);
}
