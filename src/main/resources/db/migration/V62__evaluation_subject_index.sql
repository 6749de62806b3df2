-- Whether a pull request was evaluated before, and its classification when it is merged, are asked once
-- per pull_request delivery. The queue's index (repository, status, id) made each question read every
-- evaluation of the repository, so applying slowed down as the table grew.
CREATE INDEX evaluation_subject_idx ON evaluation (repository_id, subject_number, contribution_kind);
