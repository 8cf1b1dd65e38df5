using System.Net.Http.Headers;

namespace Arena.LoadTest;

/// <summary>
/// A tablet or a screen: one hub connection to one node at a time. With several nodes it knows them all and, when its
/// connection drops, connects to the next one (see <see cref="Player"/>).
/// </summary>
public abstract class Device(string hub, string token, string query)
{
    public string Hub => hub;
    public string Token => token;
    public string Query => query;
    public HubSocket? Socket { get; set; }
    /// <summary>The node (index into the run's node list) this device talks to now.</summary>
    public int Node { get; set; }
    public int Reconnecting;
}

/// <summary>A judge of one final: a token, a hub connection, and at most one sheet in flight.</summary>
public sealed class Judge(FinalRun final, string id, string token) : Device("hubs/judge", token, "final=" + final.Id)
{
    public FinalRun Final => final;
    public string Id => id;
    public AuthenticationHeaderValue Auth { get; } = Http.Bearer(token);
    /// <summary>The sheet not yet answered (sent, or waiting to be sent again after a failure or a reconnect).</summary>
    public Sheet? InFlight { get; set; }
}

/// <summary>A big screen of one final.</summary>
public sealed class Screen(FinalRun final, int index, string token) : Device("hubs/screen", token, "final=" + final.Id)
{
    public FinalRun Final => final;
    public int Index => index;
    public long JoinInvocation { get; set; }
    public bool Joined { get; set; }
    /// <summary>The pause before the next Join after one that failed (reset when one succeeds).</summary>
    public Backoff JoinBackoff { get; } = new();
    /// <summary>The newest version this screen has received (snapshot or update).</summary>
    public long LastVersion;
    /// <summary>Failover: the version it had when the node died, whether it was connected to that node, and when it was
    /// live again (an update newer than that version, after reconnecting and re-joining if it had to).</summary>
    public long VersionAtKill { get; set; } = long.MaxValue;
    public bool OnKilledNode { get; set; }
    public long LiveAgainAt;
}

/// <summary>
/// One sheet: who, for which slot (contestant), when it was due, and its body. A tablet sends it again (same
/// submissionId) until it is answered; each attempt is a new invocation, possibly on another connection.
/// </summary>
public sealed class Sheet(Judge judge, int slot, string submissionId, long scheduled, string body)
{
    public Judge Judge => judge;
    public int Slot => slot;
    public string SubmissionId => submissionId;
    public long Scheduled => scheduled;
    public string Body => body;
    /// <summary>The connection and invocation id of the latest attempt over the hub.</summary>
    public HubSocket? Socket { get; set; }
    public long InvocationId { get; set; }
    public int Attempts { get; set; }
    /// <summary>When the latest attempt was sent.</summary>
    public long LastSent { get; set; }
    /// <summary>The pauses between this sheet's attempts, as a tablet takes them.</summary>
    public Backoff Backoff { get; } = new();
}

/// <summary>One final being played: its judges and screens, the contestant on stage, and the slot's progress.</summary>
public sealed class FinalRun(string id, int index, int contestants, ScreenTracker screens)
{
    public string Id => id;
    public int Index => index;
    public int Contestants => contestants;
    /// <summary>Contestant calls the final holds: each contestant once per round (see <see cref="FinalDefinitions"/>).</summary>
    public int Slots => contestants * FinalDefinitions.Rounds;
    public ScreenTracker ScreenTracker => screens;
    public List<Judge> Judges { get; } = [];
    public List<Screen> Screens { get; } = [];
    public HashSet<string> Acked { get; } = [];
    public object Gate { get; } = new();

    /// <summary>The contestant slot on stage (0-based; contestant c{Slot+1}), and whether its stage call was answered.</summary>
    public int Slot { get; set; } = -1;
    public bool StageOpen { get; set; }
    public long SlotScheduled { get; set; }
    public int Outstanding { get; set; }
    /// <summary>Open loop: sheets due while their contestant was not yet on stage, sent as soon as it is.</summary>
    public List<(Judge Judge, int Slot, long Scheduled)> Due { get; } = [];
    public int NextSheet { get; set; }
    public bool Done { get; set; }
    public bool Exhausted { get; set; }
    /// <summary>The node the operator's laptop calls the stage through (it moves on when that node fails).</summary>
    public int OperatorNode { get; set; }
    /// <summary>Failover: whether the final's grain lived on the node that was killed, and its first acknowledged sheet
    /// sent after the kill.</summary>
    public bool OnKilledNode { get; set; }
    public long FirstAckAfterKill;
}
