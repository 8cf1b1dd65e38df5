-- Arena's grain state in SQLite, used through Orleans' ADO.NET grain storage (invariant System.Data.SQLite).
--
-- Orleans reads its SQL from OrleansQuery at start-up and passes the parameters
-- @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
-- @ServiceId and, when writing or clearing, @GrainStateVersion (the ETag, NULL for a grain never written)
-- and @PayloadBinary. It reads the columns PayloadBinary and Version (read) and NewGrainStateVersion
-- (write, clear). A NewGrainStateVersion equal to the ETag it sent (or no row) is a version conflict:
-- Orleans then throws InconsistentStateException.
--
-- Idempotent: Arena runs it at every start. The queries are replaced on every run so that they always
-- match the Arena build that runs them.
-- String literals inside the query texts are doubled (''''), as SQLite has no other quoting.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- One row per grain state. The grain's identity is the primary key, so an insert that races another
-- insert for the same grain collides instead of creating a twin. A missing key extension is stored as ''
-- because NULLs never collide in a unique key. Rows are never deleted: clearing keeps the row and bumps
-- Version, so an activation holding an old ETag still fails.
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

-- One statement, so it is one atomic, durable commit. A grain that never wrote (ETag NULL) inserts
-- version 1; if a row already exists the insert turns into the update, which only applies when the
-- stored Version still equals the ETag. The second statement answers a conflict with the unchanged ETag.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO OrleansStorage
    (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString,
     GrainIdHash, GrainTypeHash, PayloadBinary, Version, ModifiedOn)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, IFNULL(@GrainIdExtensionString, ''''),
       @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1, CURRENT_TIMESTAMP
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM OrleansStorage
              WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
                AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
                AND GrainIdExtensionString = IFNULL(@GrainIdExtensionString, ''''))
ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO UPDATE
SET PayloadBinary = excluded.PayloadBinary,
    Version = OrleansStorage.Version + 1,
    ModifiedOn = excluded.ModifiedOn
WHERE OrleansStorage.Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;

SELECT @GrainStateVersion AS NewGrainStateVersion WHERE changes() = 0;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = IFNULL(@GrainIdExtensionString, '''');
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = CURRENT_TIMESTAMP
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = IFNULL(@GrainIdExtensionString, '''')
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;

SELECT @GrainStateVersion AS NewGrainStateVersion WHERE changes() = 0;
');
