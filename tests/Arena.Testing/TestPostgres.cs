namespace Arena.Testing;

/// <summary>The throwaway PostgreSQL that ./test.sh starts. Its tests fail (never skip) without it.</summary>
public static class TestPostgres
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ARENA_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("ARENA_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts a throwaway PostgreSQL.");
}
