-- Track record (`[history]`). track_record caches a user's public record as GitHub's GraphQL API gave it
-- (history.TrackRecordCache), one row per GitHub user id for every repository and replica, fresh for a day:
-- the account's creation and their latest merged (M) and closed-unmerged (C) pull requests, one
-- "M|C,<repository id>,<created epoch second>" per line, so each repository leaves out its own.
CREATE TABLE track_record (
    user_id            BIGINT PRIMARY KEY,
    login              VARCHAR(100) NOT NULL,
    account_created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    pull_requests      VARCHAR(20000) NOT NULL,
    fetched_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A contributor's first contribution to a repository with [history] enabled asks for their record
-- (history.HistoryRequests, written in the delivery's transaction); history.HistoryLookups leases a request,
-- reads the record outside any transaction and writes the TRACK_RECORD ledger entry, then deletes it.
CREATE TABLE history_request (
    contributor_id BIGINT PRIMARY KEY REFERENCES contributor (id),
    attempts       INTEGER DEFAULT 0 NOT NULL,
    lease_holder   VARCHAR(200),
    due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_problem   VARCHAR(1000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX history_request_due_idx ON history_request (due_at);
