using Arena.Testing;

[assembly: AssemblyFixture(typeof(Arena.Browser.Tests.BrowserFixture))]

namespace Arena.Browser.Tests;

/// <summary>
/// One silo process and one headless Chromium for the whole assembly; each test opens its own browser contexts
/// (a context is one device: its own localStorage, its own network switch) and makes its own final.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Debian's Chromium: Playwright cannot download its own browser here, and need not.
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private IPlaywright? _playwright;

    public SiloProcess Silo { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public ArenaClient Admin { get; private set; } = null!;
    public string BaseUrl => Silo.BaseAddress.ToString().TrimEnd('/');

    public async ValueTask InitializeAsync()
    {
        var start = Silo.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ARENA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        await start;
        Admin = await ArenaClient.Admin(Silo.BaseAddress, Silo.AdminKey);
    }

    /// <summary>A new device: a tablet-sized or screen-sized browser context whose relative URLs go to the silo (or another server).</summary>
    public async Task<IPage> Device(int width = 1280, int height = 800, string? locale = "zh-CN", string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            HasTouch = width < 1100,
        });
        context.SetDefaultTimeout(15_000);
        await CspWatch.Watch(context);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Admin?.Dispose();
        await Silo.DisposeAsync();
    }
}
