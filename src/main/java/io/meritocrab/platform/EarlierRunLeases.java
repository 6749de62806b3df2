package io.meritocrab.platform;

/**
 * CDI event fired once when this run of a replica has claimed its id: the leases whose holder starts with
 * {@code holderPrefix}, other than {@code currentHolder}, belong to a dead earlier run and are taken back.
 */
public record EarlierRunLeases(String holderPrefix, String currentHolder) {
}
