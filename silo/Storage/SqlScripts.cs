using System.Reflection;

namespace Arena.Silo.Storage;

/// <summary>The schema scripts in Storage/Sql, embedded in the silo assembly so a deployment cannot lose them.</summary>
internal static class SqlScripts
{
    public const string SqlitePersistence = "sqlite-persistence.sql";
    public const string PostgresPersistence = "postgres-persistence.sql";
    public const string PostgresClustering = "postgres-clustering.sql";
    public const string PostgresSecrets = "postgres-secrets.sql";

    public static string Load(string fileName)
    {
        var assembly = typeof(SqlScripts).Assembly;
        // Matched by suffix: the resource name's prefix depends on the project that embeds it.
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"The SQL script {fileName} is not embedded in {assembly.GetName().Name}: its csproj needs <EmbeddedResource Include=\"Storage/Sql/*.sql\" />.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
