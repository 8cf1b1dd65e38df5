using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Arena.Scoring;

/// <summary>The definition as JSON (camelCase, as in DESIGN.md): parsing with organiser-readable errors, and writing.</summary>
public static class DefinitionJson
{
    /// <summary>Read-only: shared by every caller, so no caller may change how others read definitions.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// Reads and validates a definition. The definition is returned only when there is no problem; otherwise the
    /// problems say what to fix, each at its JSON path (<c>rounds[1].weight</c>).
    /// </summary>
    public static (FinalDefinition? Definition, IReadOnlyList<ValidationProblem> Problems) Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return (null, [new("", "The definition is empty; expected a JSON object such as { \"id\": …, \"rounds\": […] }.")]);

        FinalDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<FinalDefinition>(json, Options);
        }
        catch (JsonException e)
        {
            return (null, [JsonErrors.Describe(e, json)]);
        }
        if (definition is null)
            return (null, [new("", "The definition is null; expected a JSON object.")]);

        var problems = DefinitionValidator.Validate(definition);
        return (problems.Count == 0 ? definition : null, problems);
    }

    public static string Serialize(FinalDefinition definition) => JsonSerializer.Serialize(definition, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            // Quoted numbers ("0.7") are common in spreadsheet exports; decimals read from either exactly.
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            // Hand-edited files carry comments and trailing commas; refusing them helps no one.
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Chinese titles stay readable in exported files instead of becoming \uXXXX escapes.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // Generated metadata keeps definitions readable in a host that disables reflection (trimmed or AOT);
            // elsewhere reflection still serves any other type a caller passes with these options.
            TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault
                ? JsonTypeInfoResolver.Combine(DefinitionJsonContext.Default, new DefaultJsonTypeInfoResolver())
                : DefinitionJsonContext.Default,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

[JsonSerializable(typeof(FinalDefinition))]
internal sealed partial class DefinitionJsonContext : JsonSerializerContext;
