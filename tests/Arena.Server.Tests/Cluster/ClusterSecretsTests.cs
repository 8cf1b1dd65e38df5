using Arena.Silo.Cluster;
using Arena.Testing;

namespace Arena.Server.Tests.Cluster;

/// <summary>The nodes of a cluster share one token signing key and one admin key, kept in PostgreSQL.</summary>
public sealed class ClusterSecretsTests
{
    [Fact]
    public async Task nodes_starting_together_agree_on_one_secret_and_exactly_one_of_them_creates_it()
    {
        var service = "secrets-" + Guid.NewGuid().ToString("N")[..8];
        var starts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
        {
            var value = ClusterSecrets.Shared(TestPostgres.ConnectionString, service, ClusterSecrets.SigningKeyName, () => $"node {i}", out var created);
            return (value, created);
        })));

        Assert.Single(starts.Select(s => s.value).Distinct());
        Assert.Single(starts, s => s.created);
        var later = ClusterSecrets.Shared(TestPostgres.ConnectionString, service, ClusterSecrets.SigningKeyName, () => "a later node", out var createdLater);
        Assert.Equal(starts[0].value, later);
        Assert.False(createdLater);
    }

    [Fact]
    public void another_service_in_the_same_database_has_secrets_of_its_own()
    {
        string Secret(string service) => ClusterSecrets.Shared(TestPostgres.ConnectionString, service, ClusterSecrets.AdminKeyName, () => service, out _);
        var one = Secret("secrets-" + Guid.NewGuid().ToString("N")[..8]);
        var two = Secret("secrets-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.NotEqual(one, two);
    }
}
