-- Arena's grain state in SQLite (silo/Storage/SqliteGrainStorage.cs: one writer, group commit).
--
-- One row per grain state. The table keeps the shape of Orleans' ADO.NET storage table, so the same data could be
-- read by that provider; Arena puts the grain's whole identity (state name @ grain id) into GrainTypeString and
-- leaves the numeric key columns 0 (see GrainScopedStorage.Scope). Version is the ETag: a write applies only to
-- the version it read, and a clear keeps the row (PayloadBinary NULL) with a higher version, so an activation
-- holding an old ETag still fails.
--
-- Idempotent: Arena runs it at every start.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              TEXT    NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainIdExtensionString TEXT    NOT NULL,
    GrainIdHash            INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    PayloadBinary          BLOB    NULL,
    Version                INTEGER NOT NULL,
    ModifiedOn             TEXT    NOT NULL,
    CONSTRAINT OrleansStorage_Grain UNIQUE (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

-- The journal (silo/Storage/SqliteJournalStore.cs): one row per event of a final's streams ("final",
-- "contestant:{id}"), appended through the same writer and group commits as OrleansStorage, never updated.
-- At is round-trip ISO-8601 text because the hash chain covers it to the tick. Hash links the entry to the previous
-- one of its stream; Signature is empty until entries are signed.
CREATE TABLE IF NOT EXISTS ArenaJournal
(
    ServiceId TEXT    NOT NULL,
    FinalId   TEXT    NOT NULL,
    Stream    TEXT    NOT NULL,
    Idx       INTEGER NOT NULL,
    At        TEXT    NOT NULL,
    Actor     TEXT    NOT NULL,
    Type      TEXT    NOT NULL,
    Data      TEXT    NOT NULL,
    Hash      TEXT    NOT NULL,
    Signature TEXT    NOT NULL,
    Seq       INTEGER NOT NULL DEFAULT 0, -- the final-wide sequence number (0 for events migrated from before it)
    PRIMARY KEY (ServiceId, FinalId, Stream, Idx)
) WITHOUT ROWID;
