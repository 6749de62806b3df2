-- Console benchmark data: one served repository with 100,000 contributors (logins user1..user100000)
-- and 1,000,000 ledger entries (10 each, a consistent credit chain), one evaluation per contributor.
\set contributors 100000
\set per_contributor 10
BEGIN;
INSERT INTO installation (id, account_login, active, updated_at) VALUES (1, 'bench', TRUE, now());
INSERT INTO repository (id, full_name, lookup_name, installation_id, served, updated_at)
VALUES (1, 'bench/widgets', 'bench/widgets', 1, TRUE, now());

CREATE TEMP TABLE bench_delta AS
SELECT c AS contributor_id, s AS seq, ((c * 7 + s * 13) % 11) - 5 AS delta,
       now() - make_interval(secs => (c % 86400) * 30 + (:per_contributor - s) * 3600) AS created_at
FROM generate_series(1, :contributors) c, generate_series(1, :per_contributor) s;

CREATE TEMP TABLE bench_chain AS
SELECT contributor_id, seq, delta, created_at,
       100 + SUM(delta) OVER (PARTITION BY contributor_id ORDER BY seq) - delta AS credit_before,
       100 + SUM(delta) OVER (PARTITION BY contributor_id ORDER BY seq) AS credit_after
FROM bench_delta;

INSERT INTO contributor (id, repository_id, user_id, login, credit, blacklisted, entry_count, created_at, last_activity_at)
SELECT b.contributor_id, 1, 1000000 + b.contributor_id, 'user' || b.contributor_id, b.credit_after, FALSE,
       :per_contributor, now() - interval '400 days', b.created_at
FROM bench_chain b WHERE b.seq = :per_contributor;

INSERT INTO evaluation (id, contributor_id, repository_id, delivery_id, contribution_kind, subject_number, subject_url,
                        content_hash, provider, model, prompt_version, latency_ms, classification, confidence,
                        reasoning, proposed_delta, status, created_at)
SELECT d.contributor_id, d.contributor_id, 1, 'bench-' || d.contributor_id, 'COMMENT', 1, NULL,
       md5(d.contributor_id::text), 'rules', 'rules-v1', 'rules-v1', 1, 'ACCEPTABLE', 0.9, 'seeded', d.delta, 'APPLIED', now()
FROM bench_delta d WHERE d.seq = 1;

INSERT INTO ledger_entry (id, contributor_id, repository_id, seq, kind, requested_delta, delta, credit_before, credit_after,
                          evaluation_id, actor, reason, delivery_id, created_at)
SELECT (contributor_id - 1) * :per_contributor + seq, contributor_id, 1, seq,
       CASE WHEN seq = 1 THEN 'COMMENT_CREATED' ELSE 'MAINTAINER_ADJUSTMENT' END, delta, delta, credit_before, credit_after,
       CASE WHEN seq = 1 THEN contributor_id END, CASE WHEN seq = 1 THEN 'system' ELSE 'bench-maintainer' END,
       'seeded entry ' || seq, NULL, created_at
FROM bench_chain;

SELECT setval(pg_get_serial_sequence('contributor', 'id'), :contributors);
SELECT setval('ledger_entry_seq', (SELECT MAX(id) + 100 FROM ledger_entry));
SELECT setval('evaluation_seq', (SELECT MAX(id) + 100 FROM evaluation));
COMMIT;
ANALYZE contributor;
ANALYZE ledger_entry;
ANALYZE evaluation;
