package io.meritocrab.scoring;

/**
 * One change of a contributor's credit: what was asked for and what was applied, since credit never
 * goes below zero.
 */
public record CreditChange(int creditBefore, int requestedDelta, int appliedDelta, int creditAfter) {

    public static CreditChange of(int creditBefore, int requestedDelta) {
        if (creditBefore < 0) {
            throw new IllegalArgumentException("credit cannot be negative: " + creditBefore);
        }
        long wanted = (long) creditBefore + requestedDelta;
        int after = (int) Math.max(0, Math.min(Integer.MAX_VALUE, wanted));
        return new CreditChange(creditBefore, requestedDelta, after - creditBefore, after);
    }
}
