-- Who holds each lease: "<replica id>/<incarnation>" (see ReplicaIdentity). A restarted server takes
-- back the leases of its own earlier run at once instead of waiting for them to run out; NULL when
-- the row is not leased (never leased, or waiting for a retry).
ALTER TABLE delivery ADD COLUMN lease_holder VARCHAR(240);
ALTER TABLE enforcement_action ADD COLUMN lease_holder VARCHAR(240);
ALTER TABLE github_reply ADD COLUMN lease_holder VARCHAR(240);
ALTER TABLE model_request ADD COLUMN lease_holder VARCHAR(240);

-- One row per replica identity, held by the incarnation (one run of a server) that last claimed it.
-- A running server renews its row; an identity whose row is fresh belongs to a live server and is
-- never taken over.
CREATE TABLE replica (
    id           VARCHAR(200) PRIMARY KEY,
    incarnation  VARCHAR(36) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
