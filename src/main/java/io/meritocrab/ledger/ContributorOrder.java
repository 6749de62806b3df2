package io.meritocrab.ledger;

/** What a listing of contributors is sorted by; the id always breaks ties, so keyset pages never skip a row. */
public enum ContributorOrder {
    ID("id"),
    CREDIT("credit"),
    LAST_ACTIVITY("last_activity_at");

    private final String column;

    ContributorOrder(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
