using PdfSharp.Fonts;

namespace Arena.Web.Reports;

/// <summary>
/// The typefaces of Arena's PDFs, shipped in web/Fonts and embedded in this assembly (Apache-2.0, see NOTICE.txt there),
/// so a venue laptop needs no font installed. PDFsharp cannot read TrueType collections (.ttc), which is how Debian
/// ships Noto CJK, so Chinese comes from the single-file Droid Sans Fallback Full (bold simulated: it has no bold
/// face). That font has no Latin letters or digits, so those come from Roboto; <see cref="ReportFont"/> splits each
/// text into runs of the two. PDFsharp embeds only the glyphs used, so a sheet stays small.
/// </summary>
public sealed class ReportFonts : IFontResolver
{
    public const string Latin = "Arena Latin";
    public const string Cjk = "Arena CJK";
    private const string Droid = "DroidSansFallbackFull";

    private static readonly ReportFonts Instance = new();
    private static readonly Lock Gate = new();
    private readonly Dictionary<string, Lazy<byte[]>> _faces = new[] { Droid, "Roboto-Regular", "Roboto-Bold" }
        .ToDictionary(f => f, f => new Lazy<byte[]>(() => Load(f)));

    /// <summary>Installs the resolver once per process; PDFsharp wants it before any font is used, and the same
    /// instance on every later setting.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance)) GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => familyName == Latin
        ? new FontResolverInfo(bold ? "Roboto-Bold" : "Roboto-Regular", mustSimulateBold: false, mustSimulateItalic: italic)
        : new FontResolverInfo(Droid, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => _faces[faceName].Value;

    private static byte[] Load(string face)
    {
        var resource = $"Arena.Web.Fonts.{face}.ttf";
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The report font {resource} is not embedded in {typeof(ReportFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
