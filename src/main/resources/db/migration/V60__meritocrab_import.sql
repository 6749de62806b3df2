-- Data brought over from the original meritocrab (importing.MeritocrabImport): every imported ledger entry
-- and review-queue evaluation carries the stable key of the original row it came from, so importing the
-- same data again finds it there and changes nothing. Rows written by this server leave it NULL.
ALTER TABLE ledger_entry ADD COLUMN import_key VARCHAR(300);
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_import_key UNIQUE (import_key);
ALTER TABLE evaluation ADD COLUMN import_key VARCHAR(300);
ALTER TABLE evaluation ADD CONSTRAINT evaluation_import_key UNIQUE (import_key);
