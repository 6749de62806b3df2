package io.meritocrab.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.meritocrab.github.GitHubClient;
import io.meritocrab.github.RepositoryRef;
import io.meritocrab.github.RepositoryRole;
import io.meritocrab.repos.RepositoryDirectory;
import io.meritocrab.repos.TrackedRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Sign-ins cannot spend the App's API quota: whoever signs in, the console asks GitHub about at most
 * the budget's number of repositories a minute, per user and for everyone, with real Bucket4j buckets
 * on a clock the test moves.
 */
class RepositoryAccessTest {

    private static final int SERVED = 100;

    private final AtomicLong nanos = new AtomicLong();
    private final CountingGitHub github = new CountingGitHub();
    private final RepositoryAccess cut = new RepositoryAccess();

    RepositoryAccessTest() {
        cut.github = github;
        cut.directory = new RepositoryDirectory() {
            @Override
            public List<TrackedRepository> served() {
                return IntStream.range(0, SERVED).mapToObj(RepositoryAccessTest::repository).toList();
            }
        };
        cut.budget = new RoleLookupBudget(30, 60, nanos::get);
    }

    @Test
    void oneSignInAsksAboutAtMostTheUsersBudgetOfRepositories() {
        ConsoleUser stranger = ConsoleUser.maintainer("stranger");

        assertThat(cut.visibleTo(stranger)).isEmpty();
        assertThat(cut.visibleTo(stranger)).isEmpty();

        assertThat(github.asked).isEqualTo(30);
    }

    @Test
    void manyAccountsTogetherAskAboutAtMostTheBudgetOfEveryone() {
        for (int i = 0; i < 50; i++) {
            cut.visibleTo(ConsoleUser.maintainer("sock-puppet-" + i));
        }

        assertThat(github.asked).isEqualTo(60);
    }

    @Test
    void cachedRolesAreFreeAndTheBudgetRefills() {
        ConsoleUser maintainer = ConsoleUser.maintainer("maintainer");
        github.maintained.add("acme/repo-7");

        List<TrackedRepository> first = cut.visibleTo(maintainer);
        int askedFirst = github.asked;
        List<TrackedRepository> again = cut.visibleTo(maintainer);
        int askedAgain = github.asked;
        nanos.addAndGet(60_000_000_000L);
        cut.visibleTo(maintainer);

        assertThat(first).extracting(TrackedRepository::fullName).containsExactly("acme/repo-7");
        assertThat(again).extracting(TrackedRepository::fullName).containsExactly("acme/repo-7");
        assertThat(askedFirst).isEqualTo(30);
        assertThat(askedAgain).as("the first 30 are cached, the budget is used up").isEqualTo(30);
        assertThat(github.asked).as("a minute later, 30 more").isEqualTo(60);
    }

    private static TrackedRepository repository(int n) {
        return new TrackedRepository() {
            @Override
            public long id() {
                return n;
            }

            @Override
            public String fullName() {
                return "acme/repo-" + n;
            }

            @Override
            public Long installationId() {
                return 9L;
            }
        };
    }

    /** GitHub with a role cache: asked once per user and repository. */
    private static final class CountingGitHub extends GitHubClient {
        final java.util.Set<String> maintained = new java.util.HashSet<>();
        final Map<String, RepositoryRole> cache = new HashMap<>();
        int asked;

        @Override
        public Optional<RepositoryRole> cachedRoleOf(RepositoryRef repository, String login) {
            return Optional.ofNullable(cache.get(repository.fullName() + "@" + login));
        }

        @Override
        public RepositoryRole roleOf(RepositoryRef repository, String login) {
            asked++;
            RepositoryRole role = maintained.contains(repository.fullName()) ? RepositoryRole.MAINTAIN : RepositoryRole.NONE;
            cache.put(repository.fullName() + "@" + login, role);
            return role;
        }
    }
}
