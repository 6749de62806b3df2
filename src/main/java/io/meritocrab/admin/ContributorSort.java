package io.meritocrab.admin;

import java.util.Arrays;

/** How the contributor list is ordered; the id breaks ties so keyset pages never skip or repeat a row. */
public enum ContributorSort {
    ID("id", "First seen first", "id", false),
    CREDIT_ASC("credit", "Lowest credit first", "credit", false),
    CREDIT_DESC("-credit", "Highest credit first", "credit", true),
    ACTIVITY_DESC("-activity", "Most recently active first", "last_activity_at", true),
    ACTIVITY_ASC("activity", "Least recently active first", "last_activity_at", false);

    private final String key;
    private final String label;
    private final String column;
    private final boolean descending;

    ContributorSort(String key, String label, String column, boolean descending) {
        this.key = key;
        this.label = label;
        this.column = column;
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

    String column() {
        return column;
    }

    boolean descending() {
        return descending;
    }

    boolean byTime() {
        return column.equals("last_activity_at");
    }
}
