namespace Arena.Silo;

public static class Home
{
    public static WebApplication MapArenaHome(this WebApplication app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }));
        return app;
    }
}
