-- Who holds each lease: "<replica id>/<run>" (see platform.ReplicaIdentity). A restarted server takes back
-- the leases of its own earlier run at once instead of waiting for them to run out; NULL when the row is
-- not leased (never leased, handed back, or waiting for a retry).
ALTER TABLE delivery ADD COLUMN lease_holder VARCHAR(200);
ALTER TABLE enforcement_action ADD COLUMN lease_holder VARCHAR(200);
ALTER TABLE github_reply ADD COLUMN lease_holder VARCHAR(200);
ALTER TABLE model_request ADD COLUMN lease_holder VARCHAR(200);
ALTER TABLE periodic_job ADD COLUMN lease_holder VARCHAR(200);

-- One row per replica id, held by the run (one start of a server) that last claimed it. A running server
-- renews its row; an id whose row is fresh belongs to a live server and is never taken over.
CREATE TABLE replica (
    id           VARCHAR(160) PRIMARY KEY,
    run          VARCHAR(36) NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
