using Arena.Finals;
using Arena.Web.Hubs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Arena.Server.Tests.Live;

/// <summary>The screens' coalescer on a fake clock: what a screen receives, and when, for a burst of changes.</summary>
public sealed class ScreenCoalescerTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(20);
    private readonly FakeTimeProvider _clock = new();
    private readonly List<ScreenPush> _sent = [];
    private int _fetches;
    private long _grainVersion = 1;

    private ScreenCoalescer Coalescer() => new("f1", Window, _clock,
        () => { _fetches++; return Task.FromResult(State(_grainVersion)); },
        push => { lock (_sent) _sent.Add(push); return Task.CompletedTask; },
        NullLogger.Instance);

    private static ScreenState State(long version) => new(version, "f1", "决赛", new Stage("c1", "speech"), [], [], null, ScreenModes.Stage,
        TimerView.Idle, false, new StandingsView(version, false, []));

    private LiveUpdate Update(long version, string kind, bool withState = true) =>
        new(version, kind, withState ? State(version) : null, null, _clock.GetUtcNow());

    [Fact]
    public void the_first_change_after_a_quiet_spell_goes_out_at_once()
    {
        using var coalescer = Coalescer();

        coalescer.Offer(Update(1, UpdateKinds.Stage));

        var push = Assert.Single(_sent);
        Assert.Equal(1, push.Version);
        Assert.Equal([UpdateKinds.Stage], push.Kinds);
    }

    [Fact]
    public void a_burst_goes_out_as_one_push_of_the_newest_state_naming_every_kind()
    {
        using var coalescer = Coalescer();
        coalescer.Offer(Update(1, UpdateKinds.Stage));

        coalescer.Offer(Update(2, UpdateKinds.Submitted));
        coalescer.Offer(Update(4, UpdateKinds.Revealed));
        coalescer.Offer(Update(3, UpdateKinds.Submitted));
        _clock.Advance(Window - TimeSpan.FromMilliseconds(1));
        Assert.Single(_sent);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(2, _sent.Count);
        Assert.Equal(4, _sent[1].Version);
        Assert.Equal(4, _sent[1].State.Version);
        Assert.Equal([UpdateKinds.Revealed, UpdateKinds.Submitted], _sent[1].Kinds);
    }

    [Fact]
    public void an_older_version_is_never_sent_after_a_newer_one()
    {
        using var coalescer = Coalescer();
        coalescer.Offer(Update(5, UpdateKinds.Standings));

        coalescer.Offer(Update(3, UpdateKinds.Submitted));
        _clock.Advance(Window);

        Assert.Equal([5], _sent.Select(p => p.Version));
    }

    [Fact]
    public void a_change_after_the_window_has_passed_goes_out_at_once()
    {
        using var coalescer = Coalescer();
        coalescer.Offer(Update(1, UpdateKinds.Stage));
        _clock.Advance(Window * 3);

        coalescer.Offer(Update(2, UpdateKinds.Submitted));

        Assert.Equal([1, 2], _sent.Select(p => p.Version));
    }

    [Fact]
    public void an_update_without_its_state_is_sent_with_the_state_read_once_when_flushed()
    {
        using var coalescer = Coalescer();
        coalescer.Offer(Update(1, UpdateKinds.Stage, withState: false));
        coalescer.Offer(Update(2, UpdateKinds.Submitted, withState: false));
        coalescer.Offer(Update(3, UpdateKinds.Submitted, withState: false));
        _grainVersion = 4; // the grain moved on while the burst waited

        _clock.Advance(Window);

        Assert.Equal(2, _fetches);
        Assert.Equal([1, 4], _sent.Select(p => p.Version));
        Assert.Equal(4, _sent[1].State.Version);
        Assert.Equal([UpdateKinds.Submitted], _sent[1].Kinds);
    }
}
