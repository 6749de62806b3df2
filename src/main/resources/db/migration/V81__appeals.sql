-- A contributor asks a maintainer to look again at a ledger entry that cost them credit. open_entry_id
-- is the entry while the appeal is open and null once decided: its unique key allows one open appeal
-- per entry (a partial index would too, but H2 has none).
CREATE SEQUENCE appeal_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE appeal (
    id                BIGINT PRIMARY KEY,
    repository_id     BIGINT NOT NULL REFERENCES repository (id),
    contributor_id    BIGINT NOT NULL REFERENCES contributor (id),
    ledger_entry_id   BIGINT NOT NULL REFERENCES ledger_entry (id),
    open_entry_id     BIGINT,
    appeal_text       VARCHAR(1000) NOT NULL,
    status            VARCHAR(16) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by        VARCHAR(255),
    decision_note     VARCHAR(1000),
    decided_at        TIMESTAMP WITH TIME ZONE,
    reversal_entry_id BIGINT REFERENCES ledger_entry (id),
    CONSTRAINT appeal_one_open_per_entry UNIQUE (open_entry_id)
);
CREATE INDEX appeal_repository_status_idx ON appeal (repository_id, status, id);
CREATE INDEX appeal_contributor_created_idx ON appeal (contributor_id, created_at);
CREATE INDEX appeal_ledger_entry_idx ON appeal (ledger_entry_id);
