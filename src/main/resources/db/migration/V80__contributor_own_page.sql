-- The contributor's own page (/me) lists every repository where one GitHub account has a ledger.
CREATE INDEX contributor_user_idx ON contributor (user_id);
