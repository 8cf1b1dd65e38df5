using PdfSharp.Drawing;

namespace Arena.Web.Reports;

/// <summary>The signature lines at the end of the result sheet: every judge by name, the supervisor (监督) and the chief judge (主裁判).</summary>
public static class Signatures
{
    private const double LineHeight = 30;

    public static void Draw(PageFlow flow, ReportData data, ReportText t)
    {
        var font = PageFlow.Font(10);
        flow.Gap(14);
        flow.Need(LineHeight * 3 + 40);
        flow.Paragraph(t.L("签字确认", "Signatures"), PageFlow.Font(11, bold: true), after: 6);
        flow.Paragraph(t.L("评委签名：", "Judges:"), font, after: 2);
        const int perLine = 3;
        var width = flow.Width / perLine;
        var judges = data.Definition.Judges;
        for (var i = 0; i < judges.Count; i += perLine)
        {
            flow.Need(LineHeight);
            for (var k = 0; k < perLine && i + k < judges.Count; k++)
                Line(flow, judges[i + k].Name, flow.Left + k * width, width - 12, font);
            flow.Y += LineHeight;
        }
        flow.Gap(6);
        flow.Need(LineHeight * 2);
        Line(flow, t.L("监督签名", "Supervisor"), flow.Left, flow.Width / 2 - 12, font);
        Line(flow, t.L("日期", "Date"), flow.Left + flow.Width / 2, flow.Width / 2, font);
        flow.Y += LineHeight;
        var chief = data.Chief is { } c ? t.L($"主裁判签名（{c.Name}）", $"Chief judge ({c.Name})") : t.L("主裁判签名", "Chief judge");
        Line(flow, chief, flow.Left, flow.Width / 2 - 12, font);
        Line(flow, t.L("日期", "Date"), flow.Left + flow.Width / 2, flow.Width / 2, font);
        flow.Y += LineHeight;
    }

    /// <summary>"label ________": the label, then a rule to sign on, at the bottom of the line's space.</summary>
    public static void Line(PageFlow flow, string label, double x, double width, ReportFont font)
    {
        var baseline = flow.Y + LineHeight - 8;
        font.Draw(flow.G, label, XBrushes.Black, x, baseline - font.Height);
        flow.G.DrawLine(new XPen(XColors.Black, 0.6), x + font.Width(flow.G, label) + 4, baseline, x + width, baseline);
    }
}
