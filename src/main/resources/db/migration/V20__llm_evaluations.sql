-- LLM evaluations: tokens on every evaluation, the queue of contributions waiting for the model, and the
-- per-repository daily count of model evaluations (shared by all servers on one database).

ALTER TABLE evaluation ADD COLUMN input_tokens INTEGER;
ALTER TABLE evaluation ADD COLUMN output_tokens INTEGER;

CREATE TABLE model_request (
    evaluation_id       BIGINT PRIMARY KEY REFERENCES evaluation (id),
    repository_id       BIGINT NOT NULL REFERENCES repository (id),
    contributor_id      BIGINT NOT NULL REFERENCES contributor (id),
    entry_kind          VARCHAR(32) NOT NULL,
    contribution_kind   VARCHAR(32) NOT NULL,
    repository_name     VARCHAR(255) NOT NULL,
    author_login        VARCHAR(255) NOT NULL,
    author_association  VARCHAR(64) NOT NULL,
    title               VARCHAR(2000) NOT NULL,
    body                VARCHAR(300000) NOT NULL,
    additions           INTEGER NOT NULL,
    deletions           INTEGER NOT NULL,
    changed_files       INTEGER NOT NULL,
    same_text_elsewhere INTEGER NOT NULL,
    subject_number      INTEGER,
    attempts            INTEGER NOT NULL,
    due_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    last_problem        VARCHAR(1000),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX model_request_due_idx ON model_request (due_at);

CREATE TABLE model_call_count (
    repository_id BIGINT NOT NULL REFERENCES repository (id),
    usage_day     DATE NOT NULL,
    calls         INTEGER NOT NULL,
    PRIMARY KEY (repository_id, usage_day)
);
