package io.meritocrab.repoconfig;

import java.util.List;

/** What reading a `.meritocrab.toml` gave: the effective configuration, or why the file is invalid. */
public sealed interface ParseOutcome {

    /** The file is valid; missing keys took the server defaults. */
    record Valid(RepositoryConfig config) implements ParseOutcome {
    }

    /** The file is invalid: one message per problem, each naming the line and key where it can. */
    record Invalid(List<String> errors) implements ParseOutcome {

        public Invalid {
            errors = List.copyOf(errors);
        }

        /** All problems, one per line, as stored and shown to maintainers. */
        public String message() {
            return ConfigFileParser.FILE_NAME + " is invalid:\n" + String.join("\n", errors);
        }
    }
}
