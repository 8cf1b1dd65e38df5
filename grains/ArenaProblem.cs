namespace Arena;

/// <summary>
/// A request the rules refuse. Carries the HTTP status the contract names (400, 403, 404, 409) so the web
/// surface can turn it into RFC 7807 problem details and the hubs into "409: …" messages.
/// </summary>
[GenerateSerializer, Alias("arena.problem")]
public sealed class ArenaProblem : Exception
{
    public ArenaProblem(int status, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null)
        : base(detail ?? title)
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors ?? [];
    }

    [Id(0)] public int Status { get; }
    [Id(1)] public string Title { get; }
    [Id(2)] public string? Detail { get; }
    [Id(3)] public IReadOnlyList<FieldError> Errors { get; }

    public static ArenaProblem Invalid(string detail, IReadOnlyList<FieldError>? errors = null) => new(400, "Invalid request", detail, errors);
    public static ArenaProblem Forbidden(string detail) => new(403, "Forbidden", detail);
    public static ArenaProblem NotFound(string detail) => new(404, "Not found", detail);
    public static ArenaProblem Conflict(string detail) => new(409, "Conflict", detail);

    /// <summary>Worth retrying: e.g. a stream was written by someone else meanwhile and the grain is reloading it.</summary>
    public static ArenaProblem Unavailable(string detail) => new(503, "Unavailable", detail);

    /// <summary>The message of a stream that changed under its grain (another activation or a hand in the database).</summary>
    public static ArenaProblem StreamMoved(string stream) => Unavailable(
        $"The stored journal stream {stream} changed under this server (another node or a change in the database); it is being read again. " +
        "Try again in a moment (resubmitting a sheet with the same submissionId is safe).");
}

/// <summary>One problem with a named field, e.g. <c>rounds[1].weight</c>.</summary>
[GenerateSerializer, Immutable, Alias("arena.field-error")]
public sealed record FieldError([property: Id(0)] string Path, [property: Id(1)] string Message)
{
    public static IReadOnlyList<FieldError> From(IEnumerable<Scoring.ValidationProblem> problems) =>
        problems.Select(p => new FieldError(p.Path, p.Message)).ToList();
}
