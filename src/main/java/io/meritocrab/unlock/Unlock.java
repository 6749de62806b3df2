package io.meritocrab.unlock;

/** What let a below-threshold pull request through the gate once. */
public sealed interface Unlock {

    /** The reason recorded with the gate's action, e.g. `ALLOW_UNLOCKED by #12`. */
    String reason();

    /** An issue the pull request closes, assigned to its author or labelled by a maintainer. */
    record ByIssue(int issue) implements Unlock {
        @Override
        public String reason() {
            return "ALLOW_UNLOCKED by #" + issue;
        }
    }

    /** A maintainer's `/credit invite`. */
    record Invite(String maintainer) implements Unlock {
        @Override
        public String reason() {
            return "ALLOW_UNLOCKED by invite from @" + maintainer;
        }
    }
}
