namespace Arena.Scoring;

/// <summary>
/// One thing wrong with a definition or a sheet. <see cref="Path"/> names the place in the JSON the organiser or
/// judge sent (<c>rounds[1].weight</c>, <c>criteria.content</c>) so that a form can put the message beside the field.
/// </summary>
public sealed record ValidationProblem(string Path, string Message)
{
    /// <summary>"rounds[1].weight: …", or the message alone for a problem of the whole document.</summary>
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
