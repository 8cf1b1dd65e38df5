using Arena.Journal;
using Arena.Scoring;

namespace Arena.Finals;

/// <summary>The fold of a final's own stream (its sheets live in the contestant grains).</summary>
[GenerateSerializer]
public sealed class FinalState
{
    [Id(0)] public List<JournalEntry> Entries { get; set; } = [];
    [Id(1)] public FinalDefinition? Definition { get; set; }
    [Id(2)] public Stage? Stage { get; set; }
    [Id(3)] public bool Published { get; set; }

    public void Apply(JournalEntry entry)
    {
        Entries.Add(entry);
        switch (EventJson.Deserialize(entry.Type, entry.Data))
        {
            case FinalCreated c: Definition = c.Definition; break;
            case ContestantCalled s: Stage = new Stage(s.Contestant, s.Round); break;
            case ResultsPublished: Published = true; break;
        }
    }
}
