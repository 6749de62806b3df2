package io.meritocrab.admin;

import io.meritocrab.ledger.ContributorOrder;
import java.util.Arrays;

/** How the contributor list is ordered; the id breaks ties so keyset pages never skip or repeat a row. */
public enum ContributorSort {
    ID("id", "First seen first", ContributorOrder.ID, false),
    CREDIT_ASC("credit", "Lowest credit first", ContributorOrder.CREDIT, false),
    CREDIT_DESC("-credit", "Highest credit first", ContributorOrder.CREDIT, true),
    ACTIVITY_DESC("-activity", "Most recently active first", ContributorOrder.LAST_ACTIVITY, true),
    ACTIVITY_ASC("activity", "Least recently active first", ContributorOrder.LAST_ACTIVITY, false);

    private final String key;
    private final String label;
    private final ContributorOrder order;
    private final boolean descending;

    ContributorSort(String key, String label, ContributorOrder order, boolean descending) {
        this.key = key;
        this.label = label;
        this.order = order;
        this.descending = descending;
    }

    public static ContributorSort of(String key) {
        if (key == null || key.isBlank()) {
            return ID;
        }
        return Arrays.stream(values()).filter(s -> s.key.equals(key.trim())).findFirst()
                .orElseThrow(() -> ApiError.badRequest("sort must be one of id, credit, -credit, activity, -activity"));
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    ContributorOrder order() {
        return order;
    }

    boolean descending() {
        return descending;
    }

    boolean byTime() {
        return order == ContributorOrder.LAST_ACTIVITY;
    }
}
