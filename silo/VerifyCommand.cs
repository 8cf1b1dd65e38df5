using System.Text.Json;
using Arena.Journal;

namespace Arena.Silo;

/// <summary>
/// <c>Arena.Silo verify FILE [--key KEYID]</c>: checks an exported bundle with the file alone — no server, no database.
/// Exit code 0 when everything holds (and prints the digests an official compares with the posted result), 1 when
/// the bundle does not verify (naming the first bad event), 2 when the file cannot be read.
/// </summary>
public static class VerifyCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "verify";

    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var key = args.SkipWhile(a => a != "--key").Skip(1).FirstOrDefault();
        var file = args.Skip(1).Where((a, i) => a != "--key" && (i == 0 || args[i] != "--key")).FirstOrDefault();
        if (file is null) { errors.WriteLine("usage: Arena.Silo verify FILE [--key KEYID]"); return 2; }
        JournalBundle? bundle;
        try { bundle = JsonSerializer.Deserialize<JournalBundle>(File.ReadAllText(file), JournalBundle.Json); }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            errors.WriteLine($"verify: cannot read {file}: {e.Message}");
            return 2;
        }
        if (bundle?.Events is null || bundle.Key is null || bundle.Standings is null) { errors.WriteLine($"verify: {file} is not an Arena bundle"); return 2; }

        var report = JournalBundle.Verify(bundle, key);
        if (!report.Ok)
        {
            errors.WriteLine($"verify: FAILED — {bundle.Final}: {report.Problems[0]}");
            foreach (var problem in report.Problems.Skip(1)) errors.WriteLine($"  also: {problem}");
            return 1;
        }
        output.WriteLine($"verify: ok — final {bundle.Final}, {report.Events} events, chains, signatures and standings hold");
        output.WriteLine($"digest:    {report.Digest}");
        output.WriteLine($"published: {report.PublishedDigest ?? "(not published)"}");
        output.WriteLine($"key:       {report.KeyId} (ES256)");
        return 0;
    }
}
