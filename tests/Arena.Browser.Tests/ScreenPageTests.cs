using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Arena.Testing;
using static Arena.Browser.Tests.Show;

namespace Arena.Browser.Tests;

/// <summary>The hall's screen as the audience sees it: the podium, the speaking timer, English, a server that goes away.</summary>
public sealed class ScreenPageTests(BrowserFixture arena)
{
    private static FinalBuilder ThreeContestants() => new FinalBuilder(judges: 3, contestants: 3).Mean()
        .With(f => f["awards"] = new JsonArray(new JsonObject { ["title"] = "一等奖", ["count"] = 1 }, new JsonObject { ["title"] = "二等奖", ["count"] = 2 }));

    [Fact]
    public async Task the_operator_shows_the_podium_and_the_screen_puts_the_winner_on_the_highest_step()
    {
        var final = await arena.Create(ThreeContestants());
        await arena.Score(final, "c1", 8, 8, 8);
        await arena.Score(final, "c2", 9, 9, 9);
        await arena.Score(final, "c3", 7, 7, 7);
        var screen = await arena.Open(final, "screen", "screen", 1920, 1080);
        var op = await arena.Open(final, "operator", "operator");

        await op.Locator("button[data-mode=podium]").ClickAsync();
        await Expect(screen.Locator(".podium .step-1 .name")).ToHaveTextAsync("选手2");
        await Expect(screen.Locator(".podium .step-1 .total")).ToHaveTextAsync("9.00");
        await Expect(screen.Locator(".podium .step-2 .name")).ToHaveTextAsync("选手1");
        await Expect(screen.Locator(".podium .step-3 .name")).ToHaveTextAsync("选手3");
        await Expect(screen.Locator("#awards .tier").First).ToContainTextAsync("一等奖");
        await Expect(screen.Locator("#awards .tier").Nth(1).Locator(".winner")).ToHaveTextAsync(["选手1", "选手3"]);
        await Expect(screen.Locator("#status")).ToHaveTextAsync("暂定成绩");
        await Expect(op.Locator("button[data-mode=podium]")).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task a_timer_started_by_the_operator_runs_on_the_screen_and_stops_when_stopped()
    {
        var final = await arena.Create(ThreeContestants().Gated());
        var screen = await arena.Open(final, "screen", "screen", 1920, 1080);
        var op = await arena.Open(final, "operator", "operator");
        await Expect(screen.Locator("#timer")).ToHaveTextAsync("");

        await op.Locator("#timer-seconds").FillAsync("90");
        await op.Locator("#timer-start").ClickAsync();
        await Expect(screen.Locator("#timer")).ToHaveTextAsync(new Regex("^01:2[0-9]$"));
        var first = await screen.Locator("#timer").TextContentAsync();
        await Expect(screen.Locator("#timer")).Not.ToHaveTextAsync(first!); // it counts down
        await Expect(op.Locator("#op-timer")).ToHaveTextAsync(new Regex("^01:2[0-9]$"));

        await op.Locator("#timer-stop").ClickAsync();
        await Task.Delay(500, TestContext.Current.CancellationToken); // the stop reaches the screen
        var stopped = await screen.Locator("#timer").TextContentAsync();
        await Task.Delay(2000, TestContext.Current.CancellationToken);
        await Expect(screen.Locator("#timer")).ToHaveTextAsync(stopped!);
    }

    [Fact]
    public async Task the_english_switch_in_the_corner_translates_the_screen_and_is_remembered()
    {
        var final = await arena.Create(ThreeContestants().Gated());
        var screen = await arena.Open(final, "screen", "screen", 1920, 1080);
        await Expect(screen.Locator(".idle")).ToHaveTextAsync("比赛即将开始");

        await screen.Locator("#screen-tools").GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(screen.Locator(".idle")).ToHaveTextAsync("The final is about to begin");
        await Expect(screen.Locator("#status")).ToHaveTextAsync("Provisional");

        await screen.ReloadAsync();
        await Expect(screen.Locator(".idle")).ToHaveTextAsync("The final is about to begin");
        await screen.Locator("#screen-tools").GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Expect(screen.Locator("#status")).ToHaveTextAsync("暂定成绩");
    }

    [Fact]
    public async Task a_screen_shows_a_reconnecting_hint_while_the_server_is_down_and_the_new_state_once_it_is_back()
    {
        // A server of its own: this test kills it.
        await using var silo = new SiloProcess();
        await silo.StartAsync();
        var url = silo.BaseAddress.ToString().TrimEnd('/');
        using var admin = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        var builder = ThreeContestants().Gated();
        Assert.Equal(System.Net.HttpStatusCode.Created, (await admin.Post("api/finals", builder.ToString())).Status);
        var link = (await admin.Post($"api/finals/{builder.Id}/access", new { role = "screen", subject = "hall" })).Json!["url"]!.GetValue<string>();
        var screen = await arena.Device(1920, 1080, baseUrl: url);
        await screen.GotoAsync(link);
        // A server that has just started compiles and activates everything on its first requests (sign-in, the
        // definition, the hub, Join): with the other browser tests running beside it that took over 5 s here. The
        // screen says it is connecting meanwhile, never a blank page; the test waits for the state, not for a clock.
        await Expect(screen.Locator("#connecting, .idle")).ToBeVisibleAsync();
        await Expect(screen.Locator(".idle")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(screen.Locator("#connecting")).ToHaveCountAsync(0);
        await Expect(screen.Locator("#offline")).ToBeHiddenAsync();

        await silo.KillAsync();
        await Expect(screen.Locator("#offline")).ToBeVisibleAsync();
        await Expect(screen.Locator("#offline")).ToContainTextAsync("连接中断");

        await silo.StartAsync();
        using var again = await ArenaClient.Admin(silo.BaseAddress, silo.AdminKey);
        await again.Post($"api/finals/{builder.Id}/stage", new { contestant = "c2", round = "main" });
        await Expect(screen.Locator("#on-stage-name")).ToHaveTextAsync("选手2", new() { Timeout = 30_000 });
        await Expect(screen.Locator("#offline")).ToBeHiddenAsync();
    }
}
