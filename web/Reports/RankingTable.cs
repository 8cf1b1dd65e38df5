namespace Arena.Web.Reports;

/// <summary>The ranking at the head of the result sheet: one line per contestant, as the standings give it.</summary>
public static class RankingTable
{
    public static void Draw(PageFlow flow, ReportData data, ReportText t)
    {
        var d = data.Definition;
        var columns = new List<(Cell, double)> { (t.L("名次", "Rank"), 0.7), (t.L("选手", "Contestant"), 1.6), (t.L("单位", "Unit"), 2.6) };
        columns.AddRange(d.Rounds.Select(r => ((Cell)new Cell(r.Title, Number: true), 1.1)));
        columns.AddRange([(new Cell(t.L("总分", "Total"), Number: true), 1.0), (t.L("奖项", "Award"), 1.0), (t.L("状态", "Status"), 0.9)]);
        var table = new ReportTable(flow, columns, fontSize: 9);
        table.Header();
        foreach (var c in data.Contestants)
        {
            var row = c.Row;
            var cells = new List<Cell>
            {
                c.Withdrawn is { } kind ? t.Withdrawal(kind) : row.Rank == 0 ? "—" : row.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.Contestant.Name, c.Contestant.Unit ?? "",
            };
            cells.AddRange(d.Rounds.Select(r => new Cell(row.Rounds.GetValueOrDefault(r.Id) is { } s ? ReportText.Fixed(s, d) : "—", Number: true)));
            cells.Add(new Cell(ReportText.Fixed(row.Total, d), Number: true));
            cells.Add(c.Withdrawn is null ? t.Award(row.Award) : "");
            cells.Add(data.Published ? t.L("已发布", "published") : row.Complete ? t.L("已完成", "complete") : t.L("暂定", "provisional"));
            table.Row(cells);
        }
    }
}
