-- Every queue leases its oldest due rows first: ORDER BY <due column>, <key> (platform.LeasedQueue). The
-- due indexes stopped at the due column, so PostgreSQL could not read them in that order and stop after a
-- batch: it read every due row and sorted them. For the inbox during a backlog that was 7-9 ms a claim with
-- 12,000-18,000 deliveries waiting (EXPLAIN ANALYZE), as much as the rest of applying the batch; a flood
-- fills the gate's actions and the model requests the same way. With the key as the last column each index
-- is the claim's order.
DROP INDEX delivery_due_idx;
CREATE INDEX delivery_due_idx ON delivery (status, next_attempt_at, id);
DROP INDEX enforcement_action_due_idx;
CREATE INDEX enforcement_action_due_idx ON enforcement_action (status, next_attempt_at, id);
DROP INDEX github_reply_due_idx;
CREATE INDEX github_reply_due_idx ON github_reply (status, next_attempt_at, id);
DROP INDEX sanction_due_idx;
CREATE INDEX sanction_due_idx ON sanction (status, next_attempt_at, id);
DROP INDEX model_request_due_idx;
CREATE INDEX model_request_due_idx ON model_request (due_at, evaluation_id);
DROP INDEX duplicate_check_due_idx;
CREATE INDEX duplicate_check_due_idx ON duplicate_check (due_at, id);
DROP INDEX history_request_due_idx;
CREATE INDEX history_request_due_idx ON history_request (due_at, contributor_id);
