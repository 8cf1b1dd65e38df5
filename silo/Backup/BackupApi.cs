using Arena.Web.Auth;

namespace Arena.Silo.Backup;

/// <summary><c>GET /api/backup</c> (admin): the same backup as <c>Arena.Silo backup FILE</c>, downloaded while the server runs.</summary>
public static class BackupApi
{
    public static IEndpointRouteBuilder MapBackupApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/backup", async (HttpContext http, IConfiguration configuration, TimeProvider clock) =>
        {
            http.User.RequireAdmin();
            if (!string.Equals(configuration["Arena:Storage"] ?? "Sqlite", "Sqlite", StringComparison.OrdinalIgnoreCase))
                throw Arena.ArenaProblem.Conflict("This node keeps its data in PostgreSQL: back it up with pg_dump (README, Backup and restore).");
            var dataDir = DataFolder.Of(configuration);
            // Made in memory first: a failure is a problem response, not half a zip.
            var buffer = new MemoryStream();
            try { await DataBackup.WriteAsync(dataDir, buffer, clock, http.RequestAborted); }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                // The copy is removed whatever happened (DataBackup); the caller gets a problem to retry, never a 500.
                throw Arena.ArenaProblem.Unavailable($"The backup could not be made now: {e.Message}");
            }
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(buffer.ToArray(), "application/zip", $"arena-backup-{clock.GetUtcNow():yyyyMMdd-HHmmss}.zip");
        }).RequireAuthorization().WithTags("backup");
        return app;
    }
}
