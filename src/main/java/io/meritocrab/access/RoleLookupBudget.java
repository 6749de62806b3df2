package io.meritocrab.access;

import io.meritocrab.ratelimit.BucketsByKey;
import io.meritocrab.ratelimit.RateLimitSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How many roles the console may ask GitHub about for signed-in users: through the App, so on the
 * quota the server needs for its real work. Any GitHub account can sign in and every page lists the
 * repositories its user maintains, so the questions are limited per user and for everyone together
 * (cached answers cost nothing and are not counted).
 */
@ApplicationScoped
public class RoleLookupBudget {

    private static final int MAX_USERS = 100_000;

    @Inject
    RateLimitSettings settings;

    private BucketsByKey byUser;
    private BucketsByKey everyone;

    public RoleLookupBudget() {
    }

    RoleLookupBudget(long perUserPerMinute, long perMinute, LongSupplier nanoTime) {
        create(perUserPerMinute, perMinute, nanoTime);
    }

    @PostConstruct
    void create() {
        create(settings.roleLookupsPerUserPerMinute(), settings.roleLookupsPerMinute(), System::nanoTime);
    }

    private void create(long perUserPerMinute, long perMinute, LongSupplier nanoTime) {
        byUser = new BucketsByKey(perUserPerMinute, MAX_USERS, nanoTime);
        everyone = new BucketsByKey(perMinute, 1, nanoTime);
    }

    /** Takes one question for this user; false when the user's or everyone's budget is used up. */
    public boolean take(String login) {
        return byUser.take(login.toLowerCase(Locale.ROOT)).isZero() && everyone.take("everyone").isZero();
    }
}
