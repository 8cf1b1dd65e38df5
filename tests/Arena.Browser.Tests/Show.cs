using System.Net;
using System.Text.Json.Nodes;
using Arena.Testing;

namespace Arena.Browser.Tests;

/// <summary>What the organiser does before the pages come in: a final on the server and sign-in links for devices.</summary>
public static class Show
{
    public static async Task<string> Create(this BrowserFixture arena, FinalBuilder builder)
    {
        var created = await arena.Admin.Post("api/finals", builder.ToString());
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        return builder.Id;
    }

    /// <summary>The link a QR code carries: /{role}?final=…&amp;code=….</summary>
    public static async Task<string> Link(this BrowserFixture arena, string finalId, string role, string subject)
    {
        var issued = await arena.Admin.Post($"api/finals/{finalId}/access", new { role, subject });
        Assert.True(issued.Status == HttpStatusCode.OK, issued.ToString());
        return issued.Json!["url"]!.GetValue<string>();
    }

    /// <summary>A device opened on a sign-in link, as a judge scanning the QR code of their tablet.</summary>
    public static async Task<IPage> Open(this BrowserFixture arena, string finalId, string role, string subject, int width = 1280, int height = 800)
    {
        var page = await arena.Device(width, height);
        await page.GotoAsync(await arena.Link(finalId, role, subject));
        return page;
    }

    public static async Task<JsonArray> Sheets(this BrowserFixture arena, string finalId)
    {
        var r = await arena.Admin.Get($"api/finals/{finalId}/sheets");
        Assert.True(r.Status == HttpStatusCode.OK, r.ToString());
        return r.Json!.AsArray();
    }

    public static async Task<JsonArray> Journal(this BrowserFixture arena, string finalId)
    {
        var r = await arena.Admin.Get($"api/finals/{finalId}/journal");
        Assert.True(r.Status == HttpStatusCode.OK, r.ToString());
        return r.Json!.AsArray();
    }

    /// <summary>Judges j1, j2, … each send one sheet for the contestant (round "main"), as their tablets would.</summary>
    public static async Task Score(this BrowserFixture arena, string finalId, string contestant, params decimal[] scores)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            using var judge = await arena.Admin.SignIn(finalId, "judge", $"j{i + 1}");
            var r = await judge.Post($"api/finals/{finalId}/scores",
                new { submissionId = Guid.NewGuid().ToString(), contestant, round = "main", score = scores[i] });
            Assert.True(r.Status == HttpStatusCode.OK, r.ToString());
        }
    }

    public static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
