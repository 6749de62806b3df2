-- Enforcement actions are carried out by a durable worker: leased like deliveries, retried with backoff.
ALTER TABLE enforcement_action ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE enforcement_action ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
-- A shadow close waits for its persistent EJB timer; the worker takes it only after the timer fired.
ALTER TABLE enforcement_action ADD COLUMN timer_fired_at TIMESTAMP WITH TIME ZONE;
-- Set once the comment is on GitHub, so a retry closes without commenting twice.
ALTER TABLE enforcement_action ADD COLUMN commented_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE enforcement_action ADD COLUMN completed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE enforcement_action ADD COLUMN outcome VARCHAR(500);
ALTER TABLE enforcement_action ADD COLUMN last_error VARCHAR(2000);
UPDATE enforcement_action SET next_attempt_at = due_at WHERE status = 'PENDING';
CREATE INDEX enforcement_action_due_idx ON enforcement_action (status, next_attempt_at);

-- Replies to /credit commands, posted by the same worker.
CREATE SEQUENCE github_reply_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE github_reply (
    id              BIGINT PRIMARY KEY,
    repository_id   BIGINT NOT NULL REFERENCES repository (id),
    issue_number    INTEGER NOT NULL,
    delivery_id     VARCHAR(100) NOT NULL,
    body            VARCHAR(65000) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    attempts        INTEGER DEFAULT 0 NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT github_reply_once_per_delivery UNIQUE (delivery_id)
);
CREATE INDEX github_reply_due_idx ON github_reply (status, next_attempt_at);

-- Periodic jobs that must run on one replica at a time hold a lease here.
CREATE TABLE job_lease (
    name        VARCHAR(100) PRIMARY KEY,
    holder      VARCHAR(200) NOT NULL,
    valid_until TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Deliveries the reconciler asked GitHub to send again, so each is asked for once.
CREATE TABLE redelivery_request (
    guid             VARCHAR(100) PRIMARY KEY,
    hook_delivery_id BIGINT NOT NULL,
    event            VARCHAR(100),
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
