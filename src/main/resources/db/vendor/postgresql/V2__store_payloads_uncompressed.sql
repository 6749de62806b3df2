-- PostgreSQL only. Payloads are stored out of line without compression: compressing every 20 KB body
-- took half of PostgreSQL's CPU at intake, and processed payloads are dropped after their retention.
ALTER TABLE delivery ALTER COLUMN payload SET STORAGE EXTERNAL;
