package io.meritocrab.ledger;

import java.util.Locale;
import java.util.Objects;

/** How a maintainer names a contributor: by current login in the repository, or by GitHub user id. */
public sealed interface ContributorRef {

    static ContributorRef login(String login) {
        return new ByLogin(login);
    }

    static ContributorRef userId(long userId) {
        return new ByUserId(userId);
    }

    record ByLogin(String login) implements ContributorRef {
        public ByLogin {
            Objects.requireNonNull(login, "login");
            if (login.isBlank()) {
                throw new IllegalArgumentException("login must not be blank");
            }
            login = login.strip();
        }

        @Override
        public String toString() {
            return login.toLowerCase(Locale.ROOT);
        }
    }

    record ByUserId(long userId) implements ContributorRef {
        @Override
        public String toString() {
            return "user id " + userId;
        }
    }
}
