package io.meritocrab.access;

import io.meritocrab.ratelimit.BucketsByKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many roles the console may ask GitHub about for signed-in users: through the App, so on the
 * quota the server needs for its real work. Any GitHub account can sign in and every page lists the
 * repositories its user maintains, so the questions are limited per user and for everyone together
 * (cached answers cost nothing and are not counted).
 */
@ApplicationScoped
public class RoleLookupBudget {

    private static final int MAX_USERS = 100_000;

    @Inject @ConfigProperty(name = "meritocrab.rate-limit.role-lookups-per-user-per-minute", defaultValue = "30")
    long perUserPerMinute;
    @Inject @ConfigProperty(name = "meritocrab.rate-limit.role-lookups-per-minute", defaultValue = "60")
    long perMinute;

    private BucketsByKey byUser;
    private BucketsByKey everyone;

    public RoleLookupBudget() {
    }

    RoleLookupBudget(long perUserPerMinute, long perMinute, LongSupplier nanoTime) {
        this.perUserPerMinute = perUserPerMinute;
        this.perMinute = perMinute;
        create(nanoTime);
    }

    @PostConstruct
    void create() {
        create(System::nanoTime);
    }

    private void create(LongSupplier nanoTime) {
        byUser = new BucketsByKey(perUserPerMinute, MAX_USERS, nanoTime);
        everyone = new BucketsByKey(perMinute, 1, nanoTime);
    }

    /** Takes one question for this user; false when the user's or everyone's budget is used up. */
    public boolean take(String login) {
        return byUser.take(login.toLowerCase(Locale.ROOT)).isZero() && everyone.take("everyone").isZero();
    }
}
