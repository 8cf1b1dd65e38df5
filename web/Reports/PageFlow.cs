using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Arena.Web.Reports;

/// <summary>
/// Text flowing down A4 pages: a cursor, wrapping (Chinese breaks between any two characters, English at spaces), a new
/// page when the next block does not fit above the footer. Pages stay open until <see cref="Finish"/>, which draws the
/// footer on each once the number of pages is known ("第 x 页 / 共 y 页").
/// </summary>
public sealed class PageFlow : IDisposable
{
    public const double Margin = 40;
    public const double FooterHeight = 78;

    private readonly PdfDocument _document = new();
    private readonly List<XGraphics> _pages = [];

    public PageFlow(string title)
    {
        _document.Info.Title = title;
        _document.Info.Creator = "Arena";
        NewPage();
    }

    public XGraphics G => _pages[^1];
    public double Y { get; set; }
    public double Left => Margin;
    public double Width => G.PageSize.Width - 2 * Margin;
    private double Bottom => G.PageSize.Height - Margin - FooterHeight;

    public static ReportFont Font(double size, bool bold = false) => new(size, bold);

    public void NewPage()
    {
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _pages.Add(XGraphics.FromPdfPage(page));
        Y = Margin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void Need(double height)
    {
        if (Y + height > Bottom && Y > Margin) NewPage();
    }

    /// <summary>A wrapped paragraph across the page; the cursor moves below it.</summary>
    public void Paragraph(string text, ReportFont font, double after = 4, double indent = 0)
    {
        var lines = Wrap(text, font, Width - indent);
        foreach (var line in lines)
        {
            Need(font.Height);
            font.Draw(G, line, XBrushes.Black, Left + indent, Y);
            Y += font.Height;
        }
        Y += after;
    }

    public void Gap(double height) => Y += height;

    /// <summary>The lines <paramref name="text"/> takes at this width.</summary>
    public IReadOnlyList<string> Wrap(string text, ReportFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var rest = paragraph;
            while (font.Width(G, rest) > width && rest.Length > 1)
            {
                var fit = 1;
                while (fit < rest.Length && font.Width(G, rest[..(fit + 1)]) <= width) fit++;
                // Chinese breaks between any two characters; an English word or a number stays whole when a space allows.
                var cut = fit;
                if (char.IsAsciiLetterOrDigit(rest[fit - 1]) && char.IsAsciiLetterOrDigit(rest[fit]) && rest.LastIndexOf(' ', fit - 1) is > 0 and var space)
                    cut = space;
                if (char.IsHighSurrogate(rest[cut - 1]) && cut > 1) cut--; // a character beyond the BMP stays whole
                lines.Add(rest[..cut].TrimEnd());
                rest = rest[cut..].TrimStart();
            }
            lines.Add(rest);
        }
        return lines;
    }

    /// <summary>One line of text in a box, struck through when <paramref name="struck"/> (a sheet the aggregation dropped).</summary>
    public void Line(string text, ReportFont font, XRect box, XStringAlignment alignment, bool struck = false)
    {
        font.Draw(G, text, XBrushes.Black, box, alignment);
        if (!struck) return;
        var width = font.Width(G, text);
        var start = alignment == XStringAlignment.Far ? box.Right - width : alignment == XStringAlignment.Center ? box.Left + (box.Width - width) / 2 : box.Left;
        var middle = box.Top + font.Height * 0.55;
        G.DrawLine(new XPen(XColors.Black, 0.8), start - 1, middle, start + width + 1, middle);
    }

    /// <summary>Draws each page's footer (page number, count) and returns the PDF.</summary>
    public byte[] Finish(Action<XGraphics, int, int> footer)
    {
        for (var i = 0; i < _pages.Count; i++) footer(_pages[i], i + 1, _pages.Count);
        foreach (var page in _pages) page.Dispose();
        _pages.Clear();
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        foreach (var page in _pages) page.Dispose();
        _pages.Clear();
        _document.Dispose();
    }
}
