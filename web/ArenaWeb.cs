using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Arena.Web.Api;
using Arena.Web.Auth;
using Arena.Web.Hubs;
using Arena.Web.Pages;
using Arena.Web.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Arena.Web;

public static class ArenaWeb
{
    /// <summary>The web surface's services: JSON, problem details, bearer tokens, rate limits.</summary>
    public static IServiceCollection AddArenaWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddTimeProvider();
        services.AddSingleton<ArenaKeys>();
        services.AddSingleton<Tokens>();
        PublicLinks.Configured(configuration); // a wrong Arena:PublicUrl stops the start, not the first link
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<SignInFailures>();
        services.AddArenaForwarding(configuration);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemHandler>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<Tokens>((o, tokens) => BearerOptions.Configure(o, tokens));
        services.AddAuthorization();
        services.AddSignalR(o => o.AddFilter<WriteLogHubFilter>());
        // The HTTP API described as OpenAPI 3 (GET /openapi/v1.json), from the endpoints themselves.
        services.AddOpenApi(o => o.AddProblemDescriptions().AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Arena";
            document.Info.Description = "Real-time scoring for judged finals. Errors are RFC 7807 problem details; tokens go in Authorization: Bearer.";
            return Task.CompletedTask;
        }));
        services.AddArenaNodes(configuration);
        services.AddSingleton<ArenaMetrics>();
        services.AddSingleton<FinalGrains>();
        services.AddSingleton<LivePush>();
        services.AddSingleton<PublicViewers>();
        services.AddSingleton<FinalFanout>();
        services.AddSingleton<DeviceConnections>();
        services.AddHostedService<ObserverRenewal>();

        var perMinute = configuration.GetValue("Arena:AuthRateLimit", 120);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) => await Results.Problem(statusCode: 429, title: "Too many requests",
                detail: "Too many sign-in attempts from this address; wait a minute.").ExecuteAsync(ctx.HttpContext);
            // Per client (after a known proxy's X-Forwarded-For; IPv6 by /64): a guest sending bad codes stops only themselves.
            o.AddPolicy(AuthApi.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddresses.Key(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    /// <summary>Where the HTTP API's endpoints are mapped (the silo's own too): their OpenAPI description lists the problem details they answer.</summary>
    public static RouteGroupBuilder Api(this IEndpointRouteBuilder app) => app.MapGroup("").WithProblemResponses();

    /// <summary>Middleware, every endpoint of the HTTP contract, and the pages.</summary>
    public static WebApplication UseArenaWeb(this WebApplication app)
    {
        app.UseArenaForwarding();
        app.UseWriteLog();
        app.UseArenaHttpsOnly();
        app.UseSecurityHeaders();
        app.UseArenaNodes();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseArenaAssets();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAdminBrowserSession();
        var api = app.Api();
        api.MapAuthApi();
        api.MapAdminBrowserSession();
        api.MapNodesApi();
        api.MapFinalsApi();
        api.MapAccessApi();
        api.MapAmendApi();
        api.MapScoringApi();
        api.MapStandingsApi();
        api.MapExportApi();
        api.MapEventDayApi();
        api.MapSignOffApi();
        api.MapFeedApi();
        api.MapPublicApi();
        api.MapVoteApi();
        api.MapReportsApi();
        app.MapHub<ScreenHub>("/hubs/screen");
        app.MapHub<JudgeHub>("/hubs/judge");
        api.MapQrApi();
        api.MapSignInFailuresApi();
        app.MapArenaPages();
        app.MapOpenApi();
        // The document above as an interactive page for admins (behind AdminBrowserSession), everything from this
        // server: no web fonts or telemetry from Scalar's CDN, which a venue network may not reach.
        app.MapScalarApiReference("/reference", o => o.WithTitle("Arena HTTP API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts().DisableTelemetry());
        return app;
    }
}
