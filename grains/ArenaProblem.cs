namespace Arena;

/// <summary>
/// A request the rules refuse. Carries the HTTP status the contract names (400, 403, 404, 409) so the web
/// surface can turn it into RFC 7807 problem details and the hubs into "409: …" messages.
/// </summary>
[GenerateSerializer, Alias("arena.problem")]
public sealed class ArenaProblem : Exception
{
    public ArenaProblem(int status, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null, IReadOnlyList<Orphan>? orphans = null)
        : base(detail ?? title)
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors ?? [];
        Orphans = orphans ?? [];
    }

    [Id(0)] public int Status { get; }
    [Id(1)] public string Title { get; }
    [Id(2)] public string? Detail { get; }
    [Id(3)] public IReadOnlyList<FieldError> Errors { get; }
    /// <summary>What an amendment refused for this would have left without a place: sheets, adjustments, closures.</summary>
    [Id(4)] public IReadOnlyList<Orphan> Orphans { get; }

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

/// <summary>
/// A score an amended definition would leave without a place: <see cref="What"/> is <c>sheet</c>, <c>adjustment</c> or
/// <c>closure</c>; <see cref="Why"/> <c>contestant-removed</c>, <c>round-removed</c>, <c>judge-removed</c>,
/// <c>not-assigned</c> (the judge no longer scores that round), <c>recused</c> or <c>rubric</c> (the sheet no longer fits
/// the round's criteria, max or step). Ids as in the definition before the amendment.
/// </summary>
[GenerateSerializer, Immutable, Alias("arena.orphan")]
public sealed record Orphan(
    [property: Id(0)] string Contestant,
    [property: Id(1)] string? Round,
    [property: Id(2)] string? Judge,
    [property: Id(3)] string What,
    [property: Id(4)] string Why);

/// <summary>One problem with a named field, e.g. <c>rounds[1].weight</c>.</summary>
[GenerateSerializer, Immutable, Alias("arena.field-error")]
public sealed record FieldError([property: Id(0)] string Path, [property: Id(1)] string Message)
{
    public static IReadOnlyList<FieldError> From(IEnumerable<Scoring.ValidationProblem> problems) =>
        problems.Select(p => new FieldError(p.Path, p.Message)).ToList();
}
