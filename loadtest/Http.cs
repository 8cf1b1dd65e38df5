using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Arena.LoadTest;

/// <summary>The one HttpClient of the run (setup, stage calls, HTTP submissions, the journal check).</summary>
public sealed class Http(Uri baseUrl) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public Uri BaseUrl => baseUrl;

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    /// <summary>POSTs JSON bytes; returns the status and the body bytes.</summary>
    public async Task<(HttpStatusCode Status, byte[] Body)> Post(string path, byte[] json, AuthenticationHeaderValue? auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = auth;
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    public async Task<JsonNode> PostJson(string path, object body, AuthenticationHeaderValue? auth)
    {
        var (status, bytes) = await Post(path, JsonSerializer.SerializeToUtf8Bytes(body), auth);
        if (status is not (HttpStatusCode.OK or HttpStatusCode.Created))
            throw new InvalidOperationException($"POST {path} answered {(int)status}: {Encoding.UTF8.GetString(bytes)}");
        return JsonNode.Parse(bytes)!;
    }

    public async Task<JsonDocument> GetJson(string path, AuthenticationHeaderValue auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = auth;
        using var response = await _client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        return JsonDocument.Parse(bytes);
    }

    /// <summary>The <c>version</c> of a JSON answer such as <c>{accepted, total, version}</c>, without building a DOM.</summary>
    public static long VersionOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("version"u8))
                return reader.Read() && reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : -1;
        return -1;
    }

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public void Dispose() => _client.Dispose();
}
