-- Login search in the console is case-insensitive and by prefix: an expression index PostgreSQL can use
-- for LOWER(login) LIKE 'abc%' (text_pattern_ops works whatever the database collation).
CREATE INDEX contributor_repository_lower_login_idx ON contributor (repository_id, LOWER(login) text_pattern_ops);
