-- Lists an installation's owners keep for all its repositories (issue 14): TRUST bypasses the gate of a
-- repository that opts in, DENY shadow-closes. One entry per user and installation, on one list at a time.
-- installation_id has no foreign key: a server may serve an installation's repositories before it has
-- seen the installation event that records the installation row.
CREATE SEQUENCE shared_list_entry_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE shared_list_entry (
    id              BIGINT PRIMARY KEY,
    installation_id BIGINT NOT NULL,
    list_kind       VARCHAR(8) NOT NULL,
    user_id         BIGINT NOT NULL,
    login           VARCHAR(255) NOT NULL,
    reason          VARCHAR(1000),
    added_by        VARCHAR(255) NOT NULL,
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT shared_list_entry_one_per_user UNIQUE (installation_id, user_id)
);

-- Every addition and removal, kept after the entry is gone ("who trusted whom").
CREATE SEQUENCE shared_list_change_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE shared_list_change (
    id              BIGINT PRIMARY KEY,
    installation_id BIGINT NOT NULL,
    list_kind       VARCHAR(8) NOT NULL,
    change_kind     VARCHAR(8) NOT NULL,
    user_id         BIGINT NOT NULL,
    login           VARCHAR(255) NOT NULL,
    actor           VARCHAR(255) NOT NULL,
    reason          VARCHAR(1000),
    expires_at      TIMESTAMP WITH TIME ZONE,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX shared_list_change_installation_idx ON shared_list_change (installation_id, id);
