using System.Net.Http.Headers;
using Arena.Server.Tests.Support;

namespace Arena.Server.Tests.Security;

/// <summary>What a browser is told about every response: load only our own code, never be framed, leak no link.</summary>
public sealed class SecurityHeadersTests(ServerFixture server)
{
    public static TheoryData<string> Paths() =>
    [
        "/", "/judge", "/screen", "/chief", "/operator", "/admin", "/review", "/auditor?final=x&code=y",
        "/assets/arena.css", "/assets/js/judge.js", "/lib/signalr.min.js", "/sw.js",
        "/api/finals", "/api/nodes", "/api/finals/none/standings", "/health/live", "/no-such-page",
    ];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task every_page_asset_and_api_answer_carries_the_security_headers(string path)
    {
        using var http = new HttpClient { BaseAddress = server.Silo.BaseAddress };
        using var response = await http.GetAsync(path.TrimStart('/'), TestContext.Current.CancellationToken);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task a_failed_sign_in_answer_carries_them_too()
    {
        using var http = new HttpClient { BaseAddress = server.Silo.BaseAddress };
        using var response = await http.PostAsync("api/auth/admin", new StringContent("{\"key\":\"wrong\"}", MediaTypeHeaderValue.Parse("application/json")),
            TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("default-src 'self'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task no_page_carries_an_inline_script_or_style()
    {
        using var http = new HttpClient { BaseAddress = server.Silo.BaseAddress };
        foreach (var page in new[] { "", "judge", "screen", "chief", "operator", "admin", "review" })
        {
            var html = await http.GetStringAsync(page, TestContext.Current.CancellationToken);
            Assert.DoesNotContain("<style", html);
            Assert.DoesNotContain("style=", html);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage!.RequestUri}: no {name} header");
}
