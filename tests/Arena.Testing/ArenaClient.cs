using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Arena.Testing;

/// <summary>A thin client of the HTTP contract, as a tablet or a script would use it.</summary>
public sealed class ArenaClient(Uri baseAddress, string? token = null, TimeSpan? timeout = null) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    public Uri BaseAddress => _http.BaseAddress!;

    public string? Token { get; } = token;

    public static async Task<ArenaClient> Admin(Uri baseAddress, string key)
    {
        using var anon = new ArenaClient(baseAddress);
        var r = await anon.Post("api/auth/admin", new { key });
        Assert.Equal(HttpStatusCode.OK, r.Status);
        return new ArenaClient(baseAddress, r.Json!["token"]!.GetValue<string>());
    }

    public async Task<ArenaClient> SignIn(string finalId, string role, string subject)
    {
        var issued = await Post($"api/finals/{finalId}/access", new { role, subject });
        Assert.True(issued.Status == HttpStatusCode.OK, issued.Body);
        using var anon = new ArenaClient(_http.BaseAddress!);
        var r = await anon.Post("api/auth/code", new { finalId, code = issued.Json!["code"]!.GetValue<string>() });
        Assert.True(r.Status == HttpStatusCode.OK, r.Body);
        return new ArenaClient(_http.BaseAddress!, r.Json!["token"]!.GetValue<string>());
    }

    public Task<Reply> Get(string path) => Send(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<Reply> Post(string path, object? body) =>
        Send(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is string s ? new StringContent(s, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body) });

    /// <summary>A DELETE, with a JSON body when one is given.</summary>
    public Task<Reply> Delete(string path, object? body = null) =>
        Send(new HttpRequestMessage(HttpMethod.Delete, path) { Content = body is null ? null : JsonContent.Create(body) });
    public Task<Reply> Put(string path, object? body) =>
        Send(new HttpRequestMessage(HttpMethod.Put, path) { Content = body is string s ? new StringContent(s, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body) });
    /// <summary>A file as downloaded (a PDF, a spreadsheet): its bytes, untouched by text decoding.</summary>
    public async Task<Download> Download(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (Token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _http.SendAsync(request);
        return new Download(response.StatusCode, await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType,
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
    }

    private async Task<Reply> Send(HttpRequestMessage request)
    {
        if (Token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try { if (body.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json") == true) json = JsonNode.Parse(body); }
        catch (JsonException) { }
        return new Reply(response.StatusCode, body, json, response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose() => _http.Dispose();
}

public sealed record Reply(HttpStatusCode Status, string Body, JsonNode? Json, string? MediaType)
{
    public override string ToString() => $"{(int)Status} {Body}";
}

public sealed record Download(HttpStatusCode Status, byte[] Bytes, string? MediaType, string? FileName)
{
    public override string ToString() => $"{(int)Status} {MediaType} {System.Text.Encoding.UTF8.GetString(Bytes.AsSpan(0, Math.Min(Bytes.Length, 400)))}";
}
