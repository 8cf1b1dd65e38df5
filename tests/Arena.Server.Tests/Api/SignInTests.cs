using System.Net;
using Arena.Server.Tests.Support;
using Arena.Testing;

namespace Arena.Server.Tests.Api;

public sealed class SignInTests(ServerFixture server)
{
    [Fact]
    public async Task the_wrong_admin_key_is_401_with_problem_details()
    {
        using var anon = new ArenaClient(server.Silo.BaseAddress);
        var r = await anon.Post("api/auth/admin", new { key = "nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, r.Status);
        Assert.Equal("application/problem+json", r.MediaType);
        Assert.Equal(401, r.Json!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task a_call_without_a_token_is_401()
    {
        using var anon = new ArenaClient(server.Silo.BaseAddress);
        var r = await anon.Get("api/finals");
        Assert.Equal(HttpStatusCode.Unauthorized, r.Status);
        Assert.Equal("application/problem+json", r.MediaType);
    }

    [Fact]
    public async Task a_forged_token_is_401()
    {
        using var forged = new ArenaClient(server.Silo.BaseAddress, "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYWRtaW4ifQ.c2lnbmF0dXJl");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.Get("api/finals")).Status);
    }

    [Fact]
    public async Task a_wrong_access_code_is_401_and_a_missing_field_is_400()
    {
        var final = await server.Create(new FinalBuilder());
        using var anon = new ArenaClient(server.Silo.BaseAddress);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.Post("api/auth/code", new { finalId = final.Id, code = "ABCDEFGH" })).Status);
        var missing = await anon.Post("api/auth/code", new { finalId = final.Id });
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("code", missing.Json!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task an_access_code_signs_a_judge_in_with_role_and_subject()
    {
        var final = new FinalBuilder();
        Assert.Equal(HttpStatusCode.Created, (await server.Admin.Post("api/finals", final.ToString())).Status);
        var issued = await server.Admin.Post($"api/finals/{final.Id}/access", new { role = "judge", subject = "j2" });
        Assert.Equal(HttpStatusCode.OK, issued.Status);
        var code = issued.Json!["code"]!.GetValue<string>();
        Assert.Contains($"/judge?final={final.Id}&code={code}", issued.Json!["url"]!.GetValue<string>());

        using var anon = new ArenaClient(server.Silo.BaseAddress);
        var signedIn = await anon.Post("api/auth/code", new { finalId = final.Id, code = code.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.OK, signedIn.Status);
        Assert.Equal("judge", signedIn.Json!["role"]!.GetValue<string>());
        Assert.Equal("j2", signedIn.Json!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_new_code_for_a_judge_replaces_the_old_one()
    {
        var final = await server.Create(new FinalBuilder());
        var first = (await server.Admin.Post($"api/finals/{final.Id}/access", new { role = "judge", subject = "j3" })).Json!["code"]!.GetValue<string>();
        await server.Admin.Post($"api/finals/{final.Id}/access", new { role = "judge", subject = "j3" });
        using var anon = new ArenaClient(server.Silo.BaseAddress);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.Post("api/auth/code", new { finalId = final.Id, code = first })).Status);
    }

    [Theory]
    [InlineData("referee", "j1")]
    [InlineData("judge", "j99")]
    public async Task issuing_access_for_an_unknown_role_or_judge_is_400(string role, string subject)
    {
        var final = await server.Create(new FinalBuilder());
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Admin.Post($"api/finals/{final.Id}/access", new { role, subject })).Status);
    }

    [Fact]
    public async Task issuing_access_for_an_unknown_final_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await server.Admin.Post("api/finals/no-such-final/access", new { role = "screen", subject = "" })).Status);
    }
}
