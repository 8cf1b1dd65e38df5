using Arena.Testing;
using static Arena.Browser.Tests.Show;

namespace Arena.Browser.Tests;

/// <summary>The chief judge's corrections, each with a reason, and what they do to the standings.</summary>
public sealed class ChiefPageTests(BrowserFixture arena)
{
    private async Task<IPage> Chief(string final)
    {
        var page = await arena.Device();
        await page.GotoAsync((await arena.Link(final, "judge", "j1")).Replace("/judge?", "/chief?"));
        await Expect(page.Locator("#grid")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task a_contestant_with_no_complete_round_has_no_rank_and_an_award_stays_provisional_until_publication()
    {
        var final = await arena.Create(new FinalBuilder(judges: 3, contestants: 3).Mean());
        await arena.Score(final, "c1", 8, 8, 8);
        await arena.Score(final, "c2", 9); // one sheet of three: a partial total, no result
        var chief = await Chief(final);
        await Expect(chief.Locator("#standings tr[data-contestant=c1] .rank")).ToHaveTextAsync("1");
        await Expect(chief.Locator("#standings tr[data-contestant=c1]")).ToContainTextAsync("一等奖（暂定）");
        await Expect(chief.Locator("#standings tr[data-contestant=c2] .rank")).ToHaveTextAsync("—");
        await Expect(chief.Locator("#standings tr[data-contestant=c3] .rank")).ToHaveTextAsync("—");
        await Expect(chief.Locator("#standings tr[data-contestant=c2] .total")).ToHaveTextAsync("9.00"); // ahead on the number, not ranked on it
    }

    [Fact]
    public async Task a_penalty_with_a_reason_moves_the_contestant_down_the_standings()
    {
        var final = await arena.Create(new FinalBuilder(judges: 3, contestants: 2).Mean());
        await arena.Score(final, "c1", 8, 8, 8);
        await arena.Score(final, "c2", 7, 7, 7);
        var chief = await Chief(final);
        await Expect(chief.Locator("#standings tr").Nth(1)).ToContainTextAsync("选手1");

        await chief.Locator("tr[data-contestant=c1] button.adjust").ClickAsync();
        await Expect(chief.Locator("#dialog h2")).ToHaveTextAsync("为 选手1 加分或扣分");
        await chief.Locator("#points").FillAsync("-1.5");
        await chief.Locator("#confirm-action").ClickAsync();
        // No reason, no penalty: the browser holds the form on the empty reason field.
        await Expect(chief.Locator("#reason:invalid")).ToBeFocusedAsync();
        await Expect(chief.Locator("#standings tr[data-contestant=c1] .total")).ToHaveTextAsync("8.00");
        await chief.GetByLabel("原因").FillAsync("超时 30 秒");
        await chief.Locator("#confirm-action").ClickAsync();

        await Expect(chief.Locator("#message")).ToContainTextAsync("已完成");
        await Expect(chief.Locator("#standings tr[data-contestant=c1] .total")).ToHaveTextAsync("6.50");
        await Expect(chief.Locator("#standings tr").Nth(1)).ToContainTextAsync("选手2");
        var adjustment = (await arena.Journal(final)).Single(e => e!["type"]!.GetValue<string>() == "AdjustmentApplied")!;
        Assert.Equal("超时 30 秒", adjustment["data"]!["reason"]!.GetValue<string>());

        // The judges' consistency, from the server with this page's thresholds: one line per judge.
        await chief.Locator("#show-report").ClickAsync();
        await Expect(chief.Locator("#judge-figures tr[data-judge]")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task closing_a_round_with_a_reason_completes_it_with_the_sheets_present()
    {
        var final = await arena.Create(new FinalBuilder(judges: 3, contestants: 2).Mean());
        await arena.Score(final, "c1", 8, 8, 8);
        await arena.Score(final, "c2", 6, 9); // the third judge has left
        var chief = await Chief(final);
        await Expect(chief.Locator("#standings tr[data-contestant=c2] .pill")).ToHaveTextAsync("暂定");
        await Expect(chief.Locator("tr[data-contestant=c2] td[data-judge=j3]")).ToHaveTextAsync("…");

        await chief.Locator("tr[data-contestant=c2] button.close-round").ClickAsync();
        await Expect(chief.Locator("#dialog h2")).ToContainTextAsync("以现有评分结束 选手2 的本轮");
        await chief.GetByLabel("原因").FillAsync("第三位评委因病离场");
        // A live update redraws the page while the chief types: the reason and the focus stay.
        await chief.EvaluateAsync("() => { window.__before = document.getElementById('reason'); }");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await arena.Admin.Post($"api/finals/{final}/stage", new { contestant = "c2", round = "main" })).Status);
        await chief.WaitForFunctionAsync("() => document.getElementById('reason') !== window.__before");
        await Expect(chief.Locator("#reason")).ToHaveValueAsync("第三位评委因病离场");
        await Expect(chief.Locator("#reason")).ToBeFocusedAsync();
        await chief.Locator("#confirm-action").ClickAsync();

        await Expect(chief.Locator("#standings tr[data-contestant=c2] .pill")).ToHaveTextAsync("已完成");
        await Expect(chief.Locator("#standings tr[data-contestant=c2] .total")).ToHaveTextAsync("7.50");
        await Expect(chief.Locator("#publish")).ToBeEnabledAsync();
        var closed = (await arena.Journal(final)).Single(e => e!["type"]!.GetValue<string>() == "RoundClosed")!;
        Assert.Equal("第三位评委因病离场", closed["data"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_burst_of_sheets_costs_the_chief_page_one_read_at_a_time_and_it_ends_on_the_newest()
    {
        var final = await arena.Create(new FinalBuilder(judges: 4, contestants: 10).Mean());
        var chief = await Chief(final);
        // Every read of the sheets answers slowly (a busy venue server), so live updates come faster than answers.
        var inFlight = 0;
        var most = 0;
        var reads = 0;
        await chief.RouteAsync("**/api/finals/*/sheets", async route =>
        {
            most = Math.Max(most, Interlocked.Increment(ref inFlight));
            Interlocked.Increment(ref reads);
            await Task.Delay(300);
            // Counted out before it goes on: the answer can reach the page (which may then ask again) before
            // ContinueAsync returns here.
            Interlocked.Decrement(ref inFlight);
            await route.ContinueAsync();
        });
        var judges = new List<ArenaClient>();
        // j1 is the chief on the page (a new code for j1 would revoke the page's): j2–j4 score.
        for (var j = 2; j <= 4; j++) judges.Add(await arena.Admin.SignIn(final, "judge", $"j{j}"));
        for (var c = 1; c <= 10; c++)
            foreach (var (judge, j) in judges.Select((x, i) => (x, i)))
            {
                var r = await judge.Post($"api/finals/{final}/scores", new { submissionId = $"s{c}-{j}", contestant = $"c{c}", round = "main", score = 5 + j });
                Assert.True(r.Status == System.Net.HttpStatusCode.OK, r.ToString());
            }

        // The page shows the last sheet of the burst, having never had two reads of the sheets out at once (it used
        // to start one per update: dozens queued behind the browser's six connections and the page fell behind).
        await Expect(chief.Locator("tr[data-contestant=c10] td[data-judge=j4]")).ToHaveTextAsync("7");
        Assert.Equal(1, most);
        Assert.True(reads < 30, $"{reads} reads of the sheets for 30 sheets");
        foreach (var judge in judges) judge.Dispose();
    }
}
