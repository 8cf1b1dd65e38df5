using Arena.LoadTest;

namespace Arena.LoadTest.Tests;

/// <summary>The pauses a tablet, a screen and the operator's laptop take between attempts.</summary>
public sealed class BackoffTests
{
    private static double[] Pauses(Backoff b, int n) => Enumerable.Range(0, n).Select(_ => b.Next().TotalMilliseconds).ToArray();

    [Fact]
    public void the_first_retry_waits_a_tenth_of_a_second_and_each_next_one_twice_as_long()
    {
        Assert.Equal([100, 200, 400, 800], Pauses(new Backoff(), 4));
    }

    [Fact]
    public void the_pause_never_grows_beyond_a_second()
    {
        Assert.Equal([100, 200, 400, 800, 1000, 1000, 1000], Pauses(new Backoff(), 7));
    }

    [Fact]
    public void after_a_success_the_next_failure_starts_again_from_a_tenth_of_a_second()
    {
        var backoff = new Backoff();
        Pauses(backoff, 6);

        backoff.Reset();

        Assert.Equal([100, 200], Pauses(backoff, 2));
    }

    [Fact]
    public void two_retrying_devices_do_not_share_their_pauses()
    {
        var (a, b) = (new Backoff(), new Backoff());
        Pauses(a, 3);

        Assert.Equal(100, b.Next().TotalMilliseconds);
    }
}
