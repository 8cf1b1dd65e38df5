using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Arena.Scoring;

/// <summary>Turns a <see cref="JsonException"/> into a problem an organiser can act on: where, and what was expected.</summary>
internal static partial class JsonErrors
{
    public static ValidationProblem Describe(JsonException e, string json)
    {
        var (path, expected) = Resolve(e.Path);
        if (SyntaxError(json) is { } syntax)
            return new(path, syntax);
        return new(path, expected is null
            ? $"{Name(path)} has a value of the wrong type."
            : $"{Name(path)} must be {expected}.");
    }

    private static string Name(string path) => path.Length == 0 ? "The definition" : $"'{path}'";

    // The serializer reports a syntax error and a wrong type alike; re-reading the text tells them apart and
    // gives the line and column, which is what someone fixing a file in an editor needs.
    private static string? SyntaxError(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            return null;
        }
        catch (JsonException e)
        {
            var reason = Position().Replace(e.Message, "").Trim();
            var line = (int)(e.LineNumber ?? 0);
            return $"The text is not valid JSON at line {line + 1}, column {Column(json, line, e.BytePositionInLine ?? 0)}: {reason}";
        }
    }

    // The reader counts bytes; a line with Chinese titles has three per character, which would send someone to the wrong place.
    private static long Column(string json, int line, long bytes)
    {
        var text = json.Split('\n') is { } lines && line < lines.Length ? lines[line] : "";
        var utf8 = Encoding.UTF8.GetBytes(text);
        return Encoding.UTF8.GetCharCount(utf8, 0, (int)Math.Min(bytes, utf8.Length)) + 1;
    }

    /// <summary>Rewrites <c>$.Rounds[1].Weight</c> as <c>rounds[1].weight</c> and finds the C# type expected there.</summary>
    private static (string Path, string? Expected) Resolve(string? jsonPath)
    {
        var segments = Segment().Matches(jsonPath ?? "").Select(m => m.Value).ToList();
        Type? type = typeof(FinalDefinition);
        var path = "";
        foreach (var segment in segments)
        {
            if (segment.StartsWith('['))
            {
                path += segment;
                type = type is null ? null : ElementType(type);
                continue;
            }
            var name = segment.TrimStart('.').Trim('[', ']', '\'');
            var property = type?.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is not null) name = DefinitionJson.Options.PropertyNamingPolicy!.ConvertName(property.Name);
            path += path.Length == 0 ? name : "." + name;
            type = property?.PropertyType;
        }
        return (path, type is null ? null : Expected(type));
    }

    private static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(decimal)) return "a number";
        if (type == typeof(int)) return "a whole number";
        if (type == typeof(string)) return "text in double quotes";
        if (type == typeof(bool)) return "true or false";
        if (ElementType(type) is not null) return "a list in [ ]";
        return "an object in { }";
    }

    [GeneratedRegex(@"\s*(Path: .*?)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex Position();

    // $.rounds[1].weight or $['odd name'] → ".rounds", "[1]", ".weight" / "['odd name']"
    [GeneratedRegex(@"\.[^.\[]+|\['(?:[^']|'')*'\]|\[\d+\]")]
    private static partial Regex Segment();
}
