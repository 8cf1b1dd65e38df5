namespace Arena.Finals;

// The event day's changes: withdrawals, the draw and the ceremony. The model holds the rules; the grain only supplies
// what the model must not know — a fresh random seed and the key that seals it until the reveal (DrawSeal).
public sealed partial class FinalGrain
{
    private DrawSeal Seal => field ??= new DrawSeal(signer);

    public Task<long> Withdraw(string contestant, string kind, string reason, Caller caller) =>
        Handle(new WithdrawContestant(contestant, kind, reason), caller);

    public Task<long> UndoWithdrawal(string contestant, string reason, Caller caller) =>
        Handle(new UndoWithdrawal(contestant, reason), caller);

    public async Task<DrawView> CommitDraw(Caller caller)
    {
        var seed = DrawSeal.NewSeed();
        await Handle(new CommitDraw(seed, Seal.Seal(_model.FinalId, seed)), caller);
        return _model.DrawState()!;
    }

    public async Task<DrawView> RevealDraw(Caller caller)
    {
        // Who may reveal, and whether there is anything to reveal, is the model's to say before the seed is opened.
        var pending = _model.PendingDraw;
        var seed = pending is null ? "" : Seal.Open(_model.FinalId, pending.SealedSeed);
        await Handle(new RevealDraw(seed), caller);
        return _model.DrawState()!;
    }

    public Task<long> RevealAwardTier(Caller caller) => Handle(new RevealAwardTier(), caller);

    public Task<long> HoldRanking(Caller caller) => Handle(new HoldRanking(), caller);

    public Task<long> ReleaseRanking(Caller caller) => Handle(new ReleaseRanking(), caller);
}
