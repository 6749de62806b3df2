package io.meritocrab.redelivery;

import io.meritocrab.github.HookDelivery;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * From the App's delivery log, the deliveries GitHub never got through: every attempt of that
 * delivery id failed, and the server does not have it. GitHub never retries them by itself.
 */
final class MissedDeliveries {

    private MissedDeliveries() {
    }

    /** For each missed delivery id, its latest attempt (the one to ask GitHub to redeliver). */
    static List<HookDelivery> in(List<HookDelivery> log, Set<String> alreadyKnown) {
        Map<String, List<HookDelivery>> byGuid = log.stream().filter(d -> !d.guid().isEmpty())
                .collect(Collectors.groupingBy(HookDelivery::guid));
        return byGuid.entrySet().stream()
                .filter(entry -> !alreadyKnown.contains(entry.getKey()))
                .filter(entry -> entry.getValue().stream().noneMatch(HookDelivery::succeeded))
                .map(entry -> entry.getValue().stream().max(Comparator.comparing(HookDelivery::deliveredAt)).orElseThrow())
                .sorted(Comparator.comparing(HookDelivery::deliveredAt))
                .toList();
    }
}
