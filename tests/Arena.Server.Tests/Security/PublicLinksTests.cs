using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arena.Server.Tests.Support;
using Arena.Testing;
using QRCoder;

namespace Arena.Server.Tests.Security;

/// <summary>Issued links and QR codes go to this server, whatever Host header a client sends.</summary>
public sealed class PublicLinksTests(ServerFixture server)
{
    private const string Hostile = "evil.example";

    [Fact]
    public async Task a_hostile_host_header_never_appears_in_an_issued_link_or_qr_code()
    {
        var final = await server.Create(new FinalBuilder());
        var url = await Issue(server.Silo.BaseAddress, server.Admin.Token!, final.Id, Hostile);
        Assert.DoesNotContain(Hostile, url);
        Assert.StartsWith(server.Silo.BaseAddress.ToString(), url);

        var qr = await Qr(server.Silo.BaseAddress, server.Admin.Token!, final.Id, Hostile);
        Assert.Equal(Svg(url), qr);
    }

    [Fact]
    public async Task a_link_follows_the_address_the_node_was_reached_on()
    {
        var final = await server.Create(new FinalBuilder());
        var url = await Issue(server.Silo.BaseAddress, server.Admin.Token!, final.Id, host: null);
        Assert.StartsWith($"{server.Silo.BaseAddress}judge?final={final.Id}&code=", url);
    }

    [Fact]
    public async Task the_configured_public_url_is_the_base_of_every_link()
    {
        await using var silo = new SiloProcess(settings: new Dictionary<string, string> { ["Arena:PublicUrl"] = "https://arena.venue.example/" });
        await silo.StartAsync();
        using var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        var builder = new FinalBuilder();
        Assert.Equal(HttpStatusCode.Created, (await admin.Post("api/finals", builder.ToString())).Status);

        var url = await Issue(silo.BaseAddress, admin.Token!, builder.Id, Hostile);
        Assert.StartsWith($"https://arena.venue.example/judge?final={builder.Id}&code=", url);
        Assert.Equal(Svg(url), await Qr(silo.BaseAddress, admin.Token!, builder.Id, Hostile));
    }

    private static async Task<string> Issue(Uri server, string token, string final, string? host)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/finals/{final}/access") { Content = JsonContent.Create(new { role = "judge", subject = "j2" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (host is not null) request.Headers.Host = host;
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["url"]!.GetValue<string>();
    }

    private static async Task<string> Qr(Uri server, string token, string final, string host)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/finals/{final}/qr?role=judge&subject=j2");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Host = host;
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, response.ToString());
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The QR code the server draws for <paramref name="url"/>: same generator, same settings.</summary>
    private static string Svg(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
