using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Arena.Testing;
using static Arena.Browser.Tests.Show;

namespace Arena.Browser.Tests;

/// <summary>The event day on the pages: the draw on the big screen, a no-show skipped, the ceremony tier by tier.</summary>
public sealed class DrawPageTests(BrowserFixture arena)
{
    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task the_screen_shows_the_commitment_then_the_drawn_order_and_the_seed_and_the_review_page_recomputes_it()
    {
        var final = await arena.Create(new FinalBuilder(judges: 3, contestants: 4).Gated());
        var screen = await arena.Open(final, "screen", "screen", 1920, 1080);
        var op = await arena.Open(final, "operator", "operator");
        // A no-show before the draw: left out of it, and the operator's "call next" never offers them.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await arena.Admin.Post($"api/finals/{final}/withdrawals", new { contestant = "c2", kind = "absent", reason = "未到场" })).Status);

        await op.Locator("#draw-commit").ClickAsync();
        await Expect(screen.Locator("#draw-commitment")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        var commitment = await screen.Locator("#draw-commitment").TextContentAsync();
        await Expect(screen.Locator("#draw-seed")).ToHaveCountAsync(0);

        await op.Locator("#draw-reveal").ClickAsync();
        await Expect(screen.Locator("#draw-seed")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        var seed = (await screen.Locator("#draw-seed").TextContentAsync())!;
        Assert.Equal(commitment, Sha256Hex(seed));
        var expected = new[] { "c1", "c3", "c4" }.OrderBy(id => Sha256Hex(seed + ":" + id), StringComparer.Ordinal).ToList();
        // One at a time, then all three in the drawn order.
        await Expect(screen.Locator("#draw-order li")).ToHaveCountAsync(3);
        Assert.Equal(expected, await screen.Locator("#draw-order li").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.contestant)"));
        Assert.Equal(commitment, await screen.Locator("#draw-commitment").TextContentAsync());

        // The drawn order is the running order: the first drawn is called first.
        var names = expected.Select(id => "选手" + id[1..]).ToList();
        await Expect(op.Locator("#call-next")).ToContainTextAsync($"1 号 {names[0]}");
        await Expect(op.Locator("#order tr[data-contestant=c2]")).ToContainTextAsync("缺席");

        var review = await arena.Open(final, "auditor", "auditor");
        await Expect(review.Locator("#draw-check")).ToHaveTextAsync("✓ 顺序可复核");
        await Expect(review.Locator("#review-seed")).ToHaveTextAsync(seed);
    }

    [Fact]
    public async Task the_ceremony_reveals_the_lowest_tier_first_and_the_podium_shows_only_what_is_revealed()
    {
        var final = await arena.Create(new FinalBuilder(judges: 3, contestants: 3).Mean().With(f => f["awards"] = new JsonArray(
            new JsonObject { ["title"] = "一等奖", ["count"] = 1 }, new JsonObject { ["title"] = "二等奖", ["count"] = 1 })));
        await arena.Score(final, "c1", 8, 8, 8);
        await arena.Score(final, "c2", 9, 9, 9);
        await arena.Score(final, "c3", 7, 7, 7);
        var screen = await arena.Open(final, "screen", "screen", 1920, 1080);
        var op = await arena.Open(final, "operator", "operator");

        await op.Locator("#reveal-tier").ClickAsync();
        await Expect(screen.Locator("#awards .tier")).ToHaveCountAsync(1);
        await Expect(screen.Locator("#awards .tier h3")).ToHaveTextAsync("二等奖");
        await Expect(screen.Locator(".podium .step")).ToHaveCountAsync(1);
        await Expect(screen.Locator(".podium .step-2 .name")).ToHaveTextAsync("选手1");
        await Expect(op.Locator("#reveal-tier")).ToContainTextAsync("一等奖");

        await op.Locator("#reveal-tier").ClickAsync();
        await Expect(screen.Locator(".podium .step-1 .name")).ToHaveTextAsync("选手2");
        await Expect(op.Locator("#reveal-tier")).ToBeDisabledAsync();
    }
}
