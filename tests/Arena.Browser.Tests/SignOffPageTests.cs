using Arena.Testing;
using static Arena.Browser.Tests.Show;

namespace Arena.Browser.Tests;

/// <summary>Two-person sign-off on the pages: the chief judge asks, the supervisor (监督) answers on the review page.</summary>
public sealed class SignOffPageTests(BrowserFixture arena)
{
    [Fact]
    public async Task the_chiefs_penalty_and_publication_take_effect_when_the_supervisor_confirms_them_on_the_review_page()
    {
        var final = await arena.Create(new FinalBuilder(judges: 3, contestants: 2).Mean().With(f => f["signOff"] = true));
        await arena.Score(final, "c1", 8, 8, 8);
        await arena.Score(final, "c2", 7, 7, 7);
        var chief = await arena.Device();
        await chief.GotoAsync((await arena.Link(final, "judge", "j1")).Replace("/judge?", "/chief?"));
        var supervisor = await arena.Open(final, "supervisor", "李监督");

        // The chief asks for a penalty: it waits, and the standings do not move.
        await chief.Locator("tr[data-contestant=c1] button.adjust").ClickAsync();
        await chief.Locator("#points").FillAsync("-1.5");
        await chief.GetByLabel("原因").FillAsync("超时 30 秒");
        await chief.Locator("#confirm-action").ClickAsync();
        await Expect(chief.Locator("#message")).ToContainTextAsync("已提交，待监督确认");
        await Expect(chief.Locator("#sign-off .sign-off-pending li")).ToContainTextAsync("超时 30 秒");
        await Expect(chief.Locator("#sign-off button.confirm")).ToHaveCountAsync(0); // the chief cannot answer
        await Expect(chief.Locator("#standings tr[data-contestant=c1] .total")).ToHaveTextAsync("8.00");

        // The supervisor confirms on the review page, with a reason.
        await supervisor.ReloadAsync();
        var item = supervisor.Locator("#sign-off .sign-off-pending li[data-kind=adjustment]");
        // The chief page applies a penalty to the round shown unless told otherwise.
        await Expect(item).ToContainTextAsync("选手1：主题演讲 -1.5 分，理由：超时 30 秒 · 评委1");
        await item.Locator("button.confirm").ClickAsync();
        await Expect(supervisor.Locator("#sign-off-message")).ToContainTextAsync("请填写理由");
        await item.Locator("input.sign-off-reason").FillAsync("核实录像");
        await item.Locator("button.confirm").ClickAsync();
        await Expect(supervisor.Locator("#sign-off .sign-off-answered li[data-confirmed=true]")).ToContainTextAsync("核实录像");
        await Expect(chief.Locator("#standings tr[data-contestant=c1] .total")).ToHaveTextAsync("6.50");

        // Publication: asked by the chief, confirmed by the supervisor.
        await chief.Locator("#publish").ClickAsync();
        await chief.Locator("#confirm-action").ClickAsync();
        await Expect(chief.Locator("#publication-pending")).ToBeVisibleAsync();
        await supervisor.ReloadAsync();
        var publication = supervisor.Locator("#sign-off .sign-off-pending li[data-kind=publication]");
        await publication.Locator("input.sign-off-reason").FillAsync("核对无误");
        await publication.Locator("button.confirm").ClickAsync();
        await Expect(supervisor.Locator("#nothing-pending")).ToBeVisibleAsync();
        await Expect(chief.Locator("#published")).ToBeVisibleAsync();
    }
}
