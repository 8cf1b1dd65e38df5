using System.Collections.Concurrent;
using System.Reflection;
using Xunit.v3;

[assembly: Arena.Browser.Tests.CspWatch]

namespace Arena.Browser.Tests;

/// <summary>
/// Fails a test whose pages broke the Content-Security-Policy: a blocked inline style or script, or a connection to an
/// origin the policy does not allow, shows a page that works in the test and not for a user whose browser enforces it.
/// Every device (BrowserFixture.Device) reports the violations of its pages under the test that opened it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class CspWatch : BeforeAfterTestAttribute
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Violations = new();

    /// <summary>Chromium logs a violation on the console; the page's own listener also reports it, whatever the browser logs.</summary>
    public static async Task Watch(IBrowserContext context)
    {
        var test = TestContext.Current.Test?.UniqueID ?? "";
        await context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', (e) => " +
            "console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));");
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.StartsWith("CSP violation"))
                Violations.GetOrAdd(test, _ => new()).Enqueue($"{message.Location}: {message.Text}");
        };
    }

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        if (Violations.TryRemove(test.UniqueID, out var found) && !found.IsEmpty)
            throw new Xunit.Sdk.XunitException("The pages broke the Content-Security-Policy:\n" + string.Join('\n', found.Distinct()));
    }
}
