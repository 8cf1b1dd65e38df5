using System.Globalization;
using Arena.Scoring;

namespace Arena.Web.Reports;

/// <summary>The language of a printed sheet: Simplified Chinese unless <c>?lang=en</c>; every text is written as a pair
/// where it is used, as on the pages (<c>L('中文','English')</c>).</summary>
public sealed record ReportText(bool English)
{
    public static ReportText For(string? lang) => new(string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase));

    public string L(string zh, string en) => English ? en : zh;

    /// <summary>"第 x 页 / 共 y 页" or "Page x of y".</summary>
    public string PageOf(int page, int pages) => L($"第 {page} 页 / 共 {pages} 页", $"Page {page} of {pages}");

    public string Time(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var offset = local.Offset;
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            + $" (UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm})";
    }

    /// <summary>Rounded scores with the final's number of decimals, as the standings show them.</summary>
    public static string Fixed(decimal value, FinalDefinition d) => value.ToString("F" + d.Rounding.Decimals, CultureInfo.InvariantCulture);

    /// <summary>A value as entered (a criterion, a sheet's total): no padding, no rounding.</summary>
    public static string Num(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>An exact aggregate (a panel's mean may not terminate): four decimals, marked when cut.</summary>
    public static string Exact(decimal value)
    {
        var cut = Math.Round(value, 4, MidpointRounding.ToZero);
        return Num(cut) + (cut == value ? "" : "…");
    }

    public static string Signed(decimal points) => (points > 0 ? "+" : points < 0 ? "−" : "") + Num(Math.Abs(points));

    public static string Percent(decimal weight) => Num(weight * 100) + "%";

    public string Award(string? award) => award ?? "";

    /// <summary>Who did it, as the journal records it ("judge:j1"), with the judge's name when it is one.</summary>
    public string Actor(string actor, FinalDefinition d) =>
        actor.StartsWith("judge:", StringComparison.Ordinal) && d.Judges.FirstOrDefault(j => j.Id == actor["judge:".Length..]) is { } judge
            ? L($"{judge.Name}（{actor}）", $"{judge.Name} ({actor})")
        : actor.StartsWith("supervisor:", StringComparison.Ordinal) ? L($"监督 {actor["supervisor:".Length..]}", $"supervisor {actor["supervisor:".Length..]}")
        : actor;

    /// <summary>A panel's title (the rounds name their panels), or its id.</summary>
    public static string Panel(FinalDefinition d, string panel) =>
        d.Rounds.SelectMany(r => r.Panels ?? []).FirstOrDefault(p => p.Id == panel) is { } p ? RulesText.Name(p) : panel;

    public string Withdrawal(string kind) => kind == "absent" ? L("缺席", "absent") : L("弃权", "withdrawn");
}
