-- Secrets that every node of a cluster must share (Arena:Cluster = Postgres), one row per ServiceId and name:
-- the token signing key (a token issued by one node is checked by another) and the admin key, unless configured.
-- The first node to start inserts them (nodes starting together take turns on an advisory lock, so they agree on one
-- value); later nodes read them. Values are encrypted by ASP.NET Core Data Protection ("dp1:" + its payload); a value
-- an earlier build stored in clear is encrypted in place at the next start.
--
-- Idempotent: Arena runs it in one transaction at every start of a cluster node.

-- Nodes starting together would otherwise race on CREATE TABLE IF NOT EXISTS (it is not atomic).
SELECT pg_advisory_xact_lock(hashtext('arena-schema'));

CREATE TABLE IF NOT EXISTS ArenaSecret
(
    ServiceId text        NOT NULL,
    Name      text        NOT NULL,
    Value     text        NOT NULL,
    CreatedAt timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ArenaSecret_Key PRIMARY KEY (ServiceId, Name)
);

-- The Data Protection key ring that encrypts the values above (Arena.Silo.Cluster.DatabaseKeyRing): one row per key,
-- its key material encrypted with the cluster certificate, which never enters the database.
CREATE TABLE IF NOT EXISTS ArenaDataProtectionKey
(
    ServiceId text        NOT NULL,
    Name      text        NOT NULL,
    Xml       text        NOT NULL,
    CreatedAt timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ArenaDataProtectionKey_Key PRIMARY KEY (ServiceId, Name)
);
