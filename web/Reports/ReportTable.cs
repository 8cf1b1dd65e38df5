using PdfSharp.Drawing;

namespace Arena.Web.Reports;

/// <summary>A cell: its text, right-aligned for numbers, struck through for a dropped sheet.</summary>
public sealed record Cell(string Text, bool Number = false, bool Struck = false)
{
    public static implicit operator Cell(string text) => new(text);
}

/// <summary>
/// A ruled table flowing down the pages: columns share the width by their weights, a row as high as its longest
/// wrapped cell, the header repeated at the top of a new page.
/// </summary>
public sealed class ReportTable(PageFlow flow, IReadOnlyList<(Cell Header, double Weight)> columns, double fontSize = 8.5)
{
    private const double Pad = 2.5;
    private static readonly XPen Rule = new(XColors.Gray, 0.5);
    private readonly ReportFont _font = PageFlow.Font(fontSize);
    private readonly ReportFont _bold = PageFlow.Font(fontSize, bold: true);
    private double[] Widths => [.. columns.Select(c => c.Weight / columns.Sum(x => x.Weight) * flow.Width)];

    public void Header() => Draw([.. columns.Select(c => c.Header)], _bold, shade: true);

    public void Row(IReadOnlyList<Cell> cells)
    {
        var height = Height(cells, _font);
        if (flow.Y + height > flow.G.PageSize.Height - PageFlow.Margin - PageFlow.FooterHeight)
        {
            flow.NewPage();
            Header();
        }
        Draw(cells, _font, shade: false);
    }

    private double Height(IReadOnlyList<Cell> cells, ReportFont font) =>
        cells.Select((c, i) => flow.Wrap(c.Text, font, Widths[i] - 2 * Pad).Count).Max() * font.Height + 2 * Pad;

    private void Draw(IReadOnlyList<Cell> cells, ReportFont font, bool shade)
    {
        var widths = Widths;
        var height = Height(cells, font);
        var x = flow.Left;
        if (shade) flow.G.DrawRectangle(new XSolidBrush(XColor.FromGrayScale(0.92)), x, flow.Y, flow.Width, height);
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var alignment = cell.Number ? XStringAlignment.Far : XStringAlignment.Near;
            var y = flow.Y + Pad;
            foreach (var line in flow.Wrap(cell.Text, font, widths[i] - 2 * Pad))
            {
                flow.Line(line, font, new XRect(x + Pad, y, widths[i] - 2 * Pad, font.Height), alignment, cell.Struck);
                y += font.Height;
            }
            flow.G.DrawRectangle(Rule, x, flow.Y, widths[i], height);
            x += widths[i];
        }
        flow.Y += height;
    }
}
