using Arena.Testing;

[assembly: AssemblyFixture(typeof(Arena.Server.Tests.Support.ServerFixture))]

namespace Arena.Server.Tests.Support;

/// <summary>One real server (SQLite in a temp folder) shared by the API tests; each test makes its own final.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public SiloProcess Silo { get; } = new();

    public ArenaClient Admin { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Silo.StartAsync();
        Admin = await ArenaClient.Admin(Silo.BaseAddress, Silo.AdminKey);
    }

    /// <summary>Creates a final and signs in every judge; judge j1 is the chief.</summary>
    public Task<TestFinal> Create(FinalBuilder builder) => TestFinal.Create(Admin, builder);

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        await Silo.DisposeAsync();
    }
}

public sealed record TestFinal(string Id, ArenaClient Admin, IReadOnlyDictionary<string, ArenaClient> Judges)
{
    public static async Task<TestFinal> Create(ArenaClient admin, FinalBuilder builder)
    {
        var created = await admin.Post("api/finals", builder.ToString());
        Assert.True(created.Status == System.Net.HttpStatusCode.Created, created.ToString());
        var judges = new Dictionary<string, ArenaClient>();
        foreach (var j in builder.Build()["judges"]!.AsArray())
        {
            var id = j!["id"]!.GetValue<string>();
            judges[id] = await admin.SignIn(builder.Id, "judge", id);
        }
        return new TestFinal(builder.Id, admin, judges);
    }

    public ArenaClient Chief => Judges["j1"];

    public Task<Reply> Score(string judge, string contestant, decimal score, string? submissionId = null, string round = "main") =>
        Judges[judge].Post($"api/finals/{Id}/scores", new { submissionId = submissionId ?? Guid.NewGuid().ToString(), contestant, round, score });

    public Task<Reply> Standings(long? at = null) => Admin.Get($"api/finals/{Id}/standings" + (at is null ? "" : $"?at={at}"));
}
