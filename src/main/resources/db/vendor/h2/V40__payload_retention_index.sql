-- H2 has no partial indexes: the retention job's lookup uses this one.
CREATE INDEX delivery_payload_retention_idx ON delivery (status, processed_at);
