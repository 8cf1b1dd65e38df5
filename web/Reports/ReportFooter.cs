using PdfSharp.Drawing;
using QRCoder;

namespace Arena.Web.Reports;

/// <summary>
/// The foot of every page: the journal digest an auditor compares with what <c>Arena.Silo verify FILE</c> prints (the
/// digest at publication once published, else the current one, labelled so), the export key's id for
/// <c>verify --key</c>, a QR code of the digest (vector squares, so it scans at any zoom), and "第 x 页 / 共 y 页".
/// </summary>
public static class ReportFooter
{
    private const double QrSize = 64;

    public static void Draw(XGraphics g, ReportData data, ReportText t, int page, int pages)
    {
        var (left, right) = (PageFlow.Margin, g.PageSize.Width - PageFlow.Margin);
        var top = g.PageSize.Height - PageFlow.Margin - PageFlow.FooterHeight + 8;
        g.DrawLine(new XPen(XColors.Gray, 0.5), left, top, right, top);

        var (small, digest) = (PageFlow.Font(7.5), PageFlow.Font(8.5));
        var label = data.Published
            ? t.L("发布时日志摘要", "Journal digest at publication")
            : t.L("当前日志摘要（未发布）", "Current journal digest (not published)");
        var y = top + 5;
        small.Draw(g, label, XBrushes.Black, left, y);
        digest.Draw(g, data.Digest, XBrushes.Black, left, y += small.Height);
        small.Draw(g, t.L($"签名密钥 {data.KeyId}（ES256）　核验：Arena.Silo verify 核验包 --key {data.KeyId}",
            $"Signing key {data.KeyId} (ES256)   check: Arena.Silo verify BUNDLE --key {data.KeyId}"), XBrushes.Black, left, y += digest.Height);
        small.Draw(g, t.L($"{data.Definition.Title}　打印于 {t.Time(data.PrintedAt, data.Zone)}", $"{data.Definition.Title}   printed {t.Time(data.PrintedAt, data.Zone)}"),
            XBrushes.Gray, left, y += small.Height);
        digest.Draw(g, t.PageOf(page, pages), XBrushes.Black, new XRect(left, y + small.Height + 3, right - left - QrSize - 8, digest.Height), XStringAlignment.Center);
        Qr(g, data.Digest, right - QrSize, top + 4, QrSize);
    }

    /// <summary>The QR code's dark modules as filled rectangles, one per horizontal run.</summary>
    private static void Qr(XGraphics g, string text, double x, double y, double size)
    {
        using var code = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = code.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var col = 0; col < matrix[row].Length; col++)
            {
                if (!matrix[row][col]) continue;
                var start = col;
                while (col + 1 < matrix[row].Length && matrix[row][col + 1]) col++;
                // A hair wider than the run, so neighbouring rows leave no white seam when printed.
                g.DrawRectangle(XBrushes.Black, x + start * module, y + row * module, (col - start + 1) * module, module + 0.05);
            }
        }
    }
}
