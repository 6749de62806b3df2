-- PostgreSQL only. Finds processed deliveries whose payload is still kept, for the retention job;
-- partial, so intake (PENDING rows) never touches it and dropped payloads leave it.
CREATE INDEX delivery_payload_retention_idx ON delivery (processed_at) WHERE status = 'PROCESSED' AND payload IS NOT NULL;
