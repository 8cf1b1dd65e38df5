using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;

namespace Arena.Web.Auth;

internal static class BearerOptions
{
    public static void Configure(JwtBearerOptions o, Tokens tokens)
    {
        o.MapInboundClaims = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = Tokens.Issuer,
            ValidAudience = Tokens.Issuer,
            IssuerSigningKey = tokens.Key,
            RoleClaimType = Tokens.RoleClaim,
            NameClaimType = Tokens.SubjectClaim,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        o.Events = new JwtBearerEvents
        {
            // WebSockets can't carry headers: SignalR sends the token as access_token on the query string.
            OnMessageReceived = ctx =>
            {
                if (ctx.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query["access_token"] is { Count: > 0 } token)
                    ctx.Token = token.ToString();
                else if (AdminBrowserSession.Token(ctx.Request) is { } cookie)
                    ctx.Token = cookie; // the dashboard and the API reference, opened from the admin page
                return Task.CompletedTask;
            },
            OnChallenge = async ctx =>
            {
                ctx.HandleResponse();
                var detail = ctx.AuthenticateFailure is null ? "Sign in first: send 'Authorization: Bearer <token>'." : "The token is not valid (expired, or not from this server).";
                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await Results.Problem(statusCode: 401, title: "Unauthorized", detail: detail).ExecuteAsync(ctx.HttpContext);
            },
        };
    }
}
