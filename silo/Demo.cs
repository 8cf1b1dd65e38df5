using Arena.Finals;
using Arena.Scoring;

namespace Arena.Silo;

/// <summary>
/// <c>--Arena:Demo=true</c> creates the sample final (the 2024 education-system final) when it is not there yet, so a
/// new user sees something at once. Registered after Orleans, so it starts once the silo is up.
/// </summary>
public sealed class Demo(IGrainFactory grains, ILogger<Demo> logger) : IHostedService
{
    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "edu-2024-final.json");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (definition, problems) = DefinitionJson.Parse(await File.ReadAllTextAsync(SamplePath, cancellationToken));
        if (definition is null || problems.Count > 0)
            throw new InvalidOperationException("The sample final is invalid: " + string.Join("; ", problems));
        var final = grains.GetGrain<IFinalGrain>(definition.Id);
        if (!await final.Exists())
        {
            await final.Create(definition, new Caller("admin", "demo"));
            logger.LogInformation("Loaded the sample final {Final}", definition.Id);
        }
        Console.WriteLine($"Sample final: {definition.Id} ({definition.Title})");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
