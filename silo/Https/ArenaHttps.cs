using Arena.Web.Security;

namespace Arena.Silo.Https;

/// <summary>
/// HTTPS for the venue network. Kestrel takes a certificate by its standard configuration
/// (<c>Kestrel:Certificates:Default:Path</c>, or per endpoint); <c>Arena:Https=self-signed</c> makes and keeps one of
/// the node's own (<see cref="SelfSignedCertificate"/>). Either way, once some address of <c>urls</c> is https, plain
/// http is redirected there and https answers carry HSTS (<see cref="HttpsOnly"/>). With the self-signed certificate
/// and no https address given, each http address gets an https twin on <c>Arena:HttpsPort</c> (5443).
/// </summary>
public static class ArenaHttps
{
    public const int DefaultPort = 5443;

    public static WebApplicationBuilder AddArenaHttps(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var mode = configuration["Arena:Https"]?.Trim().ToLowerInvariant();
        var urls = (configuration["urls"] is { Length: > 0 } u ? u : "http://localhost:5000")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        switch (mode)
        {
            case null or "" or "off":
                break;
            case "self-signed":
                var certificate = SelfSignedCertificate.LoadOrCreate(DataFolder.Of(configuration));
                builder.Services.AddSingleton(certificate);
                builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(o => o.ServerCertificate = certificate.Certificate));
                if (!urls.Any(IsHttps))
                {
                    var port = configuration.GetValue("Arena:HttpsPort", DefaultPort);
                    urls.AddRange(urls.Select(a => new UriBuilder(Normalised(a)) { Scheme = "https", Port = port }.Uri.ToString().TrimEnd('/')).Distinct().ToList());
                    builder.WebHost.UseUrls([.. urls]);
                }
                break;
            default:
                throw new InvalidOperationException($"Arena:Https is '{configuration["Arena:Https"]}': use self-signed (a certificate of the node's own), " +
                    "or leave it out and give Kestrel a certificate (Kestrel:Certificates:Default:Path) with an https address in --urls.");
        }
        if (urls.FirstOrDefault(IsHttps) is { } https) builder.Services.AddArenaHttpsOnly(new Uri(Normalised(https)).Port);
        return builder;
    }

    private static bool IsHttps(string url) => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    // Kestrel's wildcard hosts are not URI hosts.
    private static string Normalised(string url) => url.Replace("://+:", "://0.0.0.0:").Replace("://*:", "://0.0.0.0:");
}
