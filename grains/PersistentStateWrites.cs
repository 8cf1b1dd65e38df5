namespace Arena;

public static class PersistentStateWrites
{
    /// <summary>
    /// Writes the state; when the write fails, reads the stored state back before the error surfaces, so the
    /// activation never keeps (and later acts on) a change that was not stored.
    /// </summary>
    public static async Task WriteOrRestoreAsync<T>(this IPersistentState<T> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await state.ReadStateAsync();
            throw;
        }
    }
}
