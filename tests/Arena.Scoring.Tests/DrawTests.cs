using System.Security.Cryptography;
using System.Text;

namespace Arena.Scoring.Tests;

/// <summary>The draw as an official recomputes it with any SHA-256 tool.</summary>
public class DrawTests
{
    private const string Seed = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    // Written out here on purpose, not calling Draw: the rule as the README states it.
    private static string Sha256Hex(string text) =>
        string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2")));

    [Fact]
    public void the_commitment_is_the_sha256_of_the_seeds_hex_text()
    {
        Assert.Equal(Sha256Hex(Seed), Draw.Commitment(Seed));
        // A known value, so that the rule cannot drift together with the test's own helper.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256Hex("abc"));
    }

    [Fact]
    public void the_order_sorts_contestants_by_the_sha256_of_seed_colon_id_ascending()
    {
        var ids = Enumerable.Range(1, 12).Select(i => $"c{i}").ToList();
        var expected = ids.Select(id => (id, key: Sha256Hex(Seed + ":" + id))).OrderBy(x => x.key, StringComparer.Ordinal).Select(x => x.id);

        Assert.Equal(expected, Draw.Order(Seed, ids));
        Assert.Equal(Draw.Order(Seed, ids), Draw.Order(Seed, Enumerable.Reverse(ids))); // the order given in does not matter
    }

    [Fact]
    public void leaving_a_contestant_out_keeps_the_others_in_the_same_relative_order()
    {
        var ids = Enumerable.Range(1, 8).Select(i => $"c{i}").ToList();
        var without = Draw.Order(Seed, ids.Where(id => id != "c5"));

        Assert.Equal(Draw.Order(Seed, ids).Where(id => id != "c5"), without);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("00112233445566778899AABBCCDDEEFF00112233445566778899aabbccddeeff", false)]
    [InlineData(Seed, true)]
    public void a_seed_is_64_lowercase_hex_characters(string seed, bool valid) => Assert.Equal(valid, Draw.IsSeed(seed));
}
