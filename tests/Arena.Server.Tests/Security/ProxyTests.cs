using System.Net;
using System.Net.Http.Json;
using Arena.Testing;
using Arena.Web.Security;

namespace Arena.Server.Tests.Security;

/// <summary>Behind the venue's reverse proxy every tablet comes from the proxy's address: the limits must see the real client.</summary>
public sealed class ProxyTests : IAsyncLifetime
{
    // The test is the proxy: it connects from 127.0.0.1 and names the client in X-Forwarded-For.
    private readonly SiloProcess _silo = new(settings: new Dictionary<string, string> { ["Arena:KnownProxies"] = "127.0.0.1" });
    private ArenaClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        await _silo.StartAsync(authRateLimit: 120);
        _admin = await ArenaClient.Admin(_silo.BaseAddress, _silo.AdminKey);
    }

    public async ValueTask DisposeAsync()
    {
        _admin?.Dispose();
        await _silo.DisposeAsync();
    }

    [Fact]
    public async Task bad_codes_from_one_forwarded_client_never_lock_out_a_correct_code_from_another()
    {
        var (final, code) = await FinalWithCode();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 130; i++) answers.Add(await SignIn("203.0.113.7", final, "WRONG" + i));

        Assert.Contains(HttpStatusCode.TooManyRequests, answers); // the guesser is stopped…
        Assert.Equal(120, answers.Count(a => a == HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.OK, await SignIn("203.0.113.8", final, code)); // …and nobody else

        var failures = await _admin.Get($"api/finals/{final}/sign-in-failures");
        Assert.Equal(120, failures.Json!["failures"]!.GetValue<long>());
        Assert.Contains($"Failed sign-in to final {final} from 203.0.113.7", _silo.Output);
    }

    [Fact]
    public async Task an_ipv6_client_is_limited_by_its_slash_64()
    {
        var (final, code) = await FinalWithCode();
        for (var i = 0; i < 120; i++) await SignIn($"2001:db8:1:2::{i + 1:x}", final, "WRONG" + i);

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignIn("2001:db8:1:2:ffff::1", final, code));
        Assert.Equal(HttpStatusCode.OK, await SignIn("2001:db8:1:3::1", final, code));
    }

    [Theory]
    [InlineData("192.0.2.10", "192.0.2.10")]
    [InlineData("::ffff:192.0.2.10", "192.0.2.10")]
    [InlineData("2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::/64")]
    public void a_client_key_is_its_ipv4_address_or_ipv6_slash_64(string address, string key) =>
        Assert.Equal(key, ClientAddresses.Key(IPAddress.Parse(address)));

    private async Task<(string Final, string Code)> FinalWithCode()
    {
        var builder = new FinalBuilder();
        Assert.Equal(HttpStatusCode.Created, (await _admin.Post("api/finals", builder.ToString())).Status);
        var issued = await _admin.Post($"api/finals/{builder.Id}/access", new { role = "judge", subject = "j2" });
        return (builder.Id, issued.Json!["code"]!.GetValue<string>());
    }

    private async Task<HttpStatusCode> SignIn(string client, string final, string code)
    {
        using var http = new HttpClient { BaseAddress = _silo.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/code") { Content = JsonContent.Create(new { finalId = final, code }) };
        request.Headers.Add("X-Forwarded-For", client);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
