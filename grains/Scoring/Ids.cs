using System.Text;

namespace Arena.Scoring;

/// <summary>The shape every id of a definition must have, and the shared check for presence, shape and uniqueness.</summary>
internal static class Ids
{
    // Ids end up in URLs, grain keys, CSV columns and journal entries; without spaces, slashes or quotes they need
    // no escaping anywhere. Letters of any script are fine (an organiser may well write 选手1).
    public static bool IsWellFormed(string id) =>
        id.EnumerateRunes().All(r => Rune.IsLetterOrDigit(r) || r.Value is '-' or '_' or '.');

    /// <summary>Adds a problem when <paramref name="id"/> is missing, malformed or already in <paramref name="seen"/>.</summary>
    public static void Check(List<ValidationProblem> problems, string path, string? id, string what, HashSet<string> seen)
    {
        if (string.IsNullOrWhiteSpace(id))
            problems.Add(new(path, $"Every {what} needs an id."));
        else if (!IsWellFormed(id))
            problems.Add(new(path, $"The {what} id '{id}' may only contain letters, digits, '-', '_' and '.'."));
        else if (!seen.Add(id))
            problems.Add(new(path, $"The {what} id '{id}' is used more than once; ids must be unique."));
    }
}
