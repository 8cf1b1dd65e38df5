-- Arena's grain state in PostgreSQL, used through Orleans' ADO.NET grain storage (invariant Npgsql).
--
-- Orleans reads its SQL from OrleansQuery at start-up and passes the parameters
-- @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
-- @ServiceId and, when writing or clearing, @GrainStateVersion (the ETag, NULL for a grain never written)
-- and @PayloadBinary. It reads the columns PayloadBinary and Version (read) and NewGrainStateVersion
-- (write, clear). A NewGrainStateVersion equal to the ETag it sent (or no row) is a version conflict:
-- Orleans then throws InconsistentStateException.
--
-- Idempotent: Arena runs it in one transaction at every start (psql: -1). The queries are replaced on
-- every run so that they always match the Arena build that runs them.

-- Nodes starting together would otherwise race on CREATE TABLE IF NOT EXISTS (it is not atomic).
SELECT pg_advisory_xact_lock(hashtext('arena-schema'));

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);

-- One row per grain state. The grain's identity is the primary key, so an insert that races another
-- insert for the same grain collides instead of creating a twin. A missing key extension is stored as ''
-- because NULLs never collide in a unique key. Rows are never deleted: clearing keeps the row and bumps
-- Version, so an activation holding an old ETag still fails.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              text        NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainIdExtensionString text        NOT NULL,
    GrainIdHash            integer     NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    PayloadBinary          bytea       NULL,
    Version                integer     NOT NULL,
    ModifiedOn             timestamptz NOT NULL,
    CONSTRAINT OrleansStorage_Grain PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

-- One statement: a grain that never wrote (ETag NULL) inserts version 1; if a row already exists the
-- insert turns into the update, which only applies when the stored Version still equals the ETag
-- (re-checked on the locked row, so concurrent writers cannot both win). A conflict answers the
-- unchanged ETag.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $query$
WITH written AS (
    INSERT INTO OrleansStorage AS s
        (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString,
         GrainIdHash, GrainTypeHash, PayloadBinary, Version, ModifiedOn)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''),
           @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1, now()
    WHERE @GrainStateVersion IS NULL
       OR EXISTS (SELECT 1 FROM OrleansStorage
                  WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
                    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
                    AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, ''))
    ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO UPDATE
    SET PayloadBinary = EXCLUDED.PayloadBinary,
        Version = s.Version + 1,
        ModifiedOn = EXCLUDED.ModifiedOn
    WHERE s.Version = @GrainStateVersion
    RETURNING s.Version)
SELECT Version AS NewGrainStateVersion FROM written
UNION ALL
SELECT @GrainStateVersion WHERE NOT EXISTS (SELECT 1 FROM written);
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $query$
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '');
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $query$
WITH cleared AS (
    UPDATE OrleansStorage
    SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = now()
    WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '')
      AND Version = @GrainStateVersion
    RETURNING Version)
SELECT Version AS NewGrainStateVersion FROM cleared
UNION ALL
SELECT @GrainStateVersion WHERE NOT EXISTS (SELECT 1 FROM cleared);
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

-- The journal (silo/Storage/PostgresJournalStore.cs): one row per event of a final's streams ("final",
-- "contestant:{id}"), inserted once and never updated. at is round-trip ISO-8601 text, not timestamptz, because the
-- hash chain covers it to the tick and timestamptz keeps microseconds. The primary key makes a second writer of the
-- same index fail instead of forking the stream.
CREATE TABLE IF NOT EXISTS arena_journal
(
    service_id text    NOT NULL,
    final_id   text    NOT NULL,
    stream     text    NOT NULL,
    idx        integer NOT NULL,
    at         text    NOT NULL,
    actor      text    NOT NULL,
    type       text    NOT NULL,
    data       text    NOT NULL,
    hash       text    NOT NULL,
    signature  text    NOT NULL,
    seq        bigint  NOT NULL DEFAULT 0, -- the final-wide sequence number (0 for events migrated from before it)
    CONSTRAINT arena_journal_entry PRIMARY KEY (service_id, final_id, stream, idx)
);
