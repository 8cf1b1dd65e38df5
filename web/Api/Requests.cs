namespace Arena.Web.Api;

// Request bodies of the HTTP contract (camelCase JSON). Fields are nullable so that a missing one gets a
// clear 400 naming it instead of a binding failure.

public sealed record AdminSignIn(string? Key);
public sealed record CodeSignIn(string? FinalId, string? Code, string? Device = null);
public sealed record ReasonRequest(string? Reason);
public sealed record AccessRequest(string? Role, string? Subject);
public sealed record StageRequest(string? Contestant, string? Round);
public sealed record ScoreRequest(string? SubmissionId, string? Contestant, string? Round, Dictionary<string, decimal>? Criteria, decimal? Score);
public sealed record ReopenRequest(string? Contestant, string? Round, string? Judge, string? Reason);
public sealed record AdjustmentRequest(string? Contestant, string? Round, decimal? Points, string? Reason);
public sealed record CloseRequest(string? Contestant, string? Round, string? Reason);
public sealed record ScreenModeRequest(string? Mode);
public sealed record TimerRequest(string? Action, int? Seconds);
public sealed record PublicViewRequest(bool? Public, string? Reason);
public sealed record WithdrawalRequest(string? Contestant, string? Kind, string? Reason);
public sealed record AmendRequest(System.Text.Json.JsonElement? Definition, string? Reason);

public static class Require
{
    /// <summary>A required string field, or 400 naming it.</summary>
    public static string Field(string? value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw ArenaProblem.Invalid($"'{name}' is required.", [new FieldError(name, "required")])
            : value.Trim();

    public static T Body<T>(T? body) where T : class =>
        body ?? throw ArenaProblem.Invalid("A JSON body is required.");
}
