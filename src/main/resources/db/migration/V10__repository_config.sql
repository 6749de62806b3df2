-- Each repository's .meritocrab.toml as last read from GitHub, so that a restarted server (or another
-- one sharing the database) has it without asking GitHub. file_text is the last VALID file (NULL: no
-- file, or never read: loaded_at tells which); an invalid file leaves it alone and sets last_error.
-- fetch_error is set while GitHub cannot be reached. A push touching the file bumps generation, which
-- makes a load that started before it discard what it read; revision counts every change, so a server
-- keeps the newest of two copies it read. No foreign key to repository: a
-- repository's first event reads its config before the row recording the repository is committed.
CREATE TABLE repository_config (
    repository_id  BIGINT PRIMARY KEY,
    file_text      VARCHAR(65536),
    blob_sha       VARCHAR(40),
    loaded_at      TIMESTAMP WITH TIME ZONE,
    last_error     VARCHAR(4000),
    last_error_at  TIMESTAMP WITH TIME ZONE,
    fetch_error    VARCHAR(1000),
    fetch_error_at TIMESTAMP WITH TIME ZONE,
    next_check_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    generation     BIGINT NOT NULL,
    revision       BIGINT NOT NULL
);
