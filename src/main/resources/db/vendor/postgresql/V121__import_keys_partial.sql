-- PostgreSQL only. Only imported rows have an import key, yet a unique constraint indexes every row, so each
-- evaluation and ledger entry a delivery writes added a NULL to two indexes nobody reads. A partial unique
-- index keeps the same guarantee (NULLs never conflicted) for the imported rows alone. H2 has no partial
-- indexes and keeps the constraints.
ALTER TABLE evaluation DROP CONSTRAINT evaluation_import_key;
CREATE UNIQUE INDEX evaluation_import_key ON evaluation (import_key) WHERE import_key IS NOT NULL;
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_import_key;
CREATE UNIQUE INDEX ledger_entry_import_key ON ledger_entry (import_key) WHERE import_key IS NOT NULL;
