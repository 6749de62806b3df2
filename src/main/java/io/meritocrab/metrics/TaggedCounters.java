package io.meritocrab.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Counters and timers of one name, looked up once per combination of tag values and then kept, so
 * that counting on a hot path is a map lookup and an increment.
 */
public final class TaggedCounters {

    /** New metrics are registered one at a time: Payara's registry throws when two threads register at once. */
    private static final Object REGISTRATION = new Object();

    private final MetricRegistry registry;
    private final Metadata metadata;
    private final String[] tagNames;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    TaggedCounters(MetricRegistry registry, Metadata metadata, String... tagNames) {
        this.registry = registry;
        this.metadata = metadata;
        this.tagNames = tagNames;
    }

    Counter counter(String... tagValues) {
        Counter counter = counters.get(key(tagValues));
        if (counter != null) {
            return counter;
        }
        synchronized (REGISTRATION) {
            return counters.computeIfAbsent(key(tagValues), k -> registry.counter(metadata, tags(tagValues)));
        }
    }

    Timer timer(String... tagValues) {
        Timer timer = timers.get(key(tagValues));
        if (timer != null) {
            return timer;
        }
        synchronized (REGISTRATION) {
            return timers.computeIfAbsent(key(tagValues), k -> registry.timer(metadata, tags(tagValues)));
        }
    }

    private static String key(String... tagValues) {
        return tagValues.length == 1 ? tagValues[0] : String.join("\u0000", tagValues);
    }

    private Tag[] tags(String... tagValues) {
        if (tagValues.length != tagNames.length) {
            throw new IllegalArgumentException(metadata.getName() + " takes tags " + String.join(", ", tagNames));
        }
        Tag[] tags = new Tag[tagNames.length];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(tagNames[i], tagValues[i] == null || tagValues[i].isBlank() ? "none" : tagValues[i]);
        }
        return tags;
    }

    public static Metadata metadata(String name, String description, String unit) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
    }
}
