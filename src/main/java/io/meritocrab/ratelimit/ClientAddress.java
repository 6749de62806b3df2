package io.meritocrab.ratelimit;

import java.util.Set;

/**
 * The address a request came from. X-Forwarded-For is the client's word, so it is believed only when
 * the connection comes from a configured trusted proxy; then the nearest address in it that is not
 * itself a trusted proxy is the client.
 */
final class ClientAddress {

    private final Set<String> trustedProxies;

    ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    String of(String remoteAddress, String forwardedFor) {
        if (forwardedFor == null || !trustedProxies.contains(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remoteAddress;
    }
}
