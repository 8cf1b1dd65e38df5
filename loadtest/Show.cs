using System.Net.Http.Headers;

namespace Arena.LoadTest;

/// <summary>A judge of one final: a token, a hub connection, and at most one sheet in flight.</summary>
public sealed class Judge(FinalRun final, string id, string token)
{
    public FinalRun Final => final;
    public string Id => id;
    public string Token => token;
    public AuthenticationHeaderValue Auth { get; } = Http.Bearer(token);
    public HubSocket? Socket { get; set; }
    public Sheet? InFlight { get; set; }
}

/// <summary>A big screen of one final.</summary>
public sealed class Screen(FinalRun final, int index, string token)
{
    public FinalRun Final => final;
    public int Index => index;
    public string Token => token;
    public HubSocket? Socket { get; set; }
    public long JoinInvocation { get; set; }
    public bool Joined { get; set; }
}

/// <summary>One sheet: who, for which slot (contestant), and when it was due to be sent.</summary>
public sealed record Sheet(Judge Judge, int Slot, string SubmissionId, long Scheduled, long InvocationId);

/// <summary>One final being played: its judges and screens, the contestant on stage, and the slot's progress.</summary>
public sealed class FinalRun(string id, int index, int contestants, ScreenTracker screens)
{
    public string Id => id;
    public int Index => index;
    public int Contestants => contestants;
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
}
