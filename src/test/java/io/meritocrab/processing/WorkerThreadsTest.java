package io.meritocrab.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meritocrab.platform.WorkerThreads;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The liveness chain: a worker thread that dies makes its pool not alive, and the check DOWN. */
class WorkerThreadsTest {

    private static final ManagedThreadFactory PLAIN_THREADS = new ManagedThreadFactory() {
        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((dead, error) -> { });
            return thread;
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void aWorkerKilledByAnErrorMakesThePoolNotAlive() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch die = new CountDownLatch(1);
        WorkerThreads cut = new WorkerThreads();
        cut.start(PLAIN_THREADS, "test-worker", 2, i -> () -> {
            try {
                (i == 0 ? die : stop).await();
            } catch (InterruptedException e) {
                return;
            }
            if (i == 0) {
                throw new StackOverflowError("a worker's loop does not catch errors");
            }
        });

        assertThat(cut.allAlive()).isTrue();
        die.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> !cut.allAlive());
        stop.countDown();
    }

    /** Outside a server, MicroProfile Health has no implementation: the plain builder the API allows. */
    @BeforeAll
    static void healthResponses() {
        HealthCheckResponse.setResponseProvider(() -> new HealthCheckResponseBuilder() {
            private String name;
            private HealthCheckResponse.Status status = HealthCheckResponse.Status.DOWN;

            @Override
            public HealthCheckResponseBuilder name(String name) {
                this.name = name;
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, String value) {
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, long value) {
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, boolean value) {
                return this;
            }

            @Override
            public HealthCheckResponseBuilder up() {
                return status(true);
            }

            @Override
            public HealthCheckResponseBuilder down() {
                return status(false);
            }

            @Override
            public HealthCheckResponseBuilder status(boolean up) {
                status = up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN;
                return this;
            }

            @Override
            public HealthCheckResponse build() {
                return new HealthCheckResponse(name, status, Optional.empty());
            }
        });
    }

    @AfterAll
    static void noHealthResponses() {
        HealthCheckResponse.setResponseProvider(null);
    }

    @Test
    void theLivenessCheckIsDownWhileTheWorkersAreNotHealthy() {
        DeliveryWorkersLivenessCheck cut = new DeliveryWorkersLivenessCheck();
        cut.workers = new DeliveryWorkers() {
            @Override
            public boolean healthy() {
                return false;
            }
        };

        HealthCheckResponse down = cut.call();

        assertThat(down.getName()).isEqualTo("delivery-workers");
        assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }
}
