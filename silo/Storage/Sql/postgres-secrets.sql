-- Secrets that every node of a cluster must share (Arena:Cluster = Postgres), one row per ServiceId and name:
-- the token signing key (a token issued by one node is checked by another) and the admin key, unless configured.
-- The first node to start inserts them (INSERT ... ON CONFLICT DO NOTHING, so nodes starting together agree on
-- one value); later nodes read them.
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
