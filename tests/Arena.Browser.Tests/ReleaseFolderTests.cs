using System.Diagnostics;
using System.Text.Json.Nodes;
using Arena.Testing;

namespace Arena.Browser.Tests;

/// <summary>
/// The self-contained linux-x64 release (./publish.sh linux-x64, which ./test.sh runs before the tests) as a venue's IT
/// person uses it: the folder copied somewhere fresh, its start script run from another directory, the admin page opened
/// in a browser and signed in with the key the server printed.
/// </summary>
public sealed class ReleaseFolderTests(BrowserFixture arena)
{
    private static readonly string Published = Path.Combine(SiloProcess.RepositoryRoot, "artifacts", "arena-linux-x64");

    [Fact]
    public async Task the_published_folder_runs_from_a_fresh_directory_without_the_sdk_and_serves_the_admin_page()
    {
        Assert.True(File.Exists(Path.Combine(Published, "Arena.Silo")),
            $"No release folder at {Published}: ./publish.sh linux-x64 makes it (./test.sh does before the tests).");
        var fresh = Directory.CreateTempSubdirectory("arena-release-").FullName;
        var elsewhere = Directory.CreateTempSubdirectory("arena-elsewhere-").FullName;
        try
        {
            var folder = Path.Combine(fresh, "arena");
            await Run("cp", "-a", Published, folder);

            // Self-contained: the runtime is in the folder, not looked up from an installed SDK; the pages and the
            // SignalR browser client are in it too (no npm at the venue).
            var runtimeConfig = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "Arena.Silo.runtimeconfig.json"), TestContext.Current.CancellationToken))!;
            Assert.NotNull(runtimeConfig["runtimeOptions"]!["includedFrameworks"]);
            Assert.True(File.Exists(Path.Combine(folder, "libcoreclr.so")));
            Assert.True(File.Exists(Path.Combine(folder, "wwwroot", "lib", "signalr.min.js")));

            await using var silo = new SiloProcess(Path.Combine(folder, "data"), new Dictionary<string, string> { ["Arena:OpenBrowser"] = "false" }, generatedAdminKey: true)
            {
                Program = Path.Combine(folder, "start-arena.sh"),
                WorkingDirectory = elsewhere,
            };
            await silo.StartAsync();
            Assert.Contains("==== Arena is running ====", silo.Output);
            Assert.True(File.Exists(Path.Combine(folder, "data", "arena.db")), "the data stays in the release folder");
            Assert.Empty(Directory.GetFileSystemEntries(elsewhere));

            var page = await arena.Device(baseUrl: silo.BaseAddress.ToString().TrimEnd('/'));
            await page.GotoAsync("/admin");
            await page.GetByLabel("管理员密钥").FillAsync(silo.AdminKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "新建决赛" })).ToBeVisibleAsync();
            await page.Context.CloseAsync();
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    private static async Task Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { UseShellExecute = false, RedirectStandardError = true })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)}: {errors}");
    }
}
