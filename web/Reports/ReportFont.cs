using PdfSharp.Drawing;

namespace Arena.Web.Reports;

/// <summary>
/// One size and weight of the report's text, in two faces (<see cref="ReportFonts"/>): each text is drawn and measured
/// as runs — Chinese characters and full-width punctuation in the CJK face, everything else in the Latin one — on one
/// shared baseline.
/// </summary>
public sealed class ReportFont
{
    private readonly XFont _latin;
    private readonly XFont _cjk;

    public ReportFont(double size, bool bold = false)
    {
        ReportFonts.Install();
        var style = bold ? XFontStyleEx.Bold : XFontStyleEx.Regular;
        (_latin, _cjk) = (new XFont(ReportFonts.Latin, size, style), new XFont(ReportFonts.Cjk, size, style));
        Height = Math.Max(_latin.GetHeight(), _cjk.GetHeight());
        Ascent = Math.Max(AscentOf(_latin), AscentOf(_cjk));
    }

    public double Height { get; }
    private double Ascent { get; }

    public double Width(XGraphics g, string text) => Runs(text).Sum(r => g.MeasureString(r.Text, r.Font).Width);

    /// <summary>Draws <paramref name="text"/> in <paramref name="box"/> (one line, from its top), aligned left, right or centred.</summary>
    public void Draw(XGraphics g, string text, XBrush brush, XRect box, XStringAlignment alignment = XStringAlignment.Near)
    {
        var x = alignment switch
        {
            XStringAlignment.Far => box.Right - Width(g, text),
            XStringAlignment.Center => box.Left + (box.Width - Width(g, text)) / 2,
            _ => box.Left,
        };
        var baseline = box.Top + Ascent;
        foreach (var (run, font) in Runs(text))
        {
            g.DrawString(run, font, brush, x, baseline, XStringFormats.BaseLineLeft);
            x += g.MeasureString(run, font).Width;
        }
    }

    public void Draw(XGraphics g, string text, XBrush brush, double x, double top) => Draw(g, text, brush, new XRect(x, top, 0, Height));

    private IEnumerable<(string Text, XFont Font)> Runs(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && IsCjk(text[i]) == IsCjk(text[start])) continue;
            yield return (text[start..i], IsCjk(text[start]) ? _cjk : _latin);
            start = i;
        }
    }

    // CJK radicals and everything above (ideographs, CJK punctuation U+3000–303F, full-width forms), and surrogates.
    private static bool IsCjk(char c) => c >= '\u2E80';

    private static double AscentOf(XFont font) => font.Metrics.Ascent * font.Size / font.Metrics.UnitsPerEm;
}
