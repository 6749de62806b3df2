-- The gate's actions have been leased by next_attempt_at (enforcement_action_due_idx) since V3; nothing reads
-- (status, due_at) any more, yet every action's insert and every change of its status wrote this index too.
DROP INDEX enforcement_action_pending_idx;
