-- The console's contributor list sorts by credit or last activity with keyset pagination (id breaks
-- ties), and the review queue and CSV export walk a repository's evaluations and entries in id order.
CREATE INDEX contributor_repository_credit_idx ON contributor (repository_id, credit, id);
CREATE INDEX contributor_repository_activity_idx ON contributor (repository_id, last_activity_at, id);
CREATE INDEX ledger_entry_contributor_created_idx ON ledger_entry (contributor_id, created_at);
