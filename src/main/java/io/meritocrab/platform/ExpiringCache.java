package io.meritocrab.platform;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cache of values that expire, holding at most {@code maxEntries}: for keys a remote party chooses
 * (a login, an organisation, an installation), so nobody can grow the heap by asking about new ones.
 * When full, expired entries go first, then arbitrary ones; a dropped entry only costs a fresh read.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant until) {
    }

    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public ExpiringCache(int maxEntries) {
        this.maxEntries = Math.max(1, maxEntries);
    }

    /** The value while it is valid at {@code now}. */
    public Optional<V> get(K key, Instant now) {
        Entry<V> entry = entries.get(key);
        return entry != null && now.isBefore(entry.until()) ? Optional.of(entry.value()) : Optional.empty();
    }

    public void put(K key, V value, Instant until, Instant now) {
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            makeRoom(now);
        }
        entries.put(key, new Entry<>(value, until));
    }

    public void remove(K key) {
        entries.remove(key);
    }

    public int size() {
        return entries.size();
    }

    private void makeRoom(Instant now) {
        entries.values().removeIf(entry -> !now.isBefore(entry.until()));
        if (entries.size() < maxEntries) {
            return;
        }
        // Still full of live entries: drop a tenth, whichever they are.
        Iterator<K> keys = entries.keySet().iterator();
        for (int excess = entries.size() - maxEntries + Math.max(1, maxEntries / 10); excess > 0 && keys.hasNext(); excess--) {
            keys.next();
            keys.remove();
        }
    }
}
