-- A periodic job that one server of several runs at a time is a row of a leased queue (platform.LeasedQueue,
-- the idiom every queue here uses) whose due time is the job's next run: taking the run leases the row until
-- the run after it. This replaces job_lease, which had a compare-and-set of its own.
-- A job's row is added by the migration that introduces the job.
DROP TABLE job_lease;

CREATE TABLE periodic_job (
    id          BIGINT PRIMARY KEY,
    name        VARCHAR(100) NOT NULL UNIQUE,
    attempts    INTEGER NOT NULL,
    next_run_at TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO periodic_job (id, name, attempts, next_run_at) VALUES (1, 'redelivery-reconciler', 0, CURRENT_TIMESTAMP);
