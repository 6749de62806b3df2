package io.meritocrab.admin;

/**
 * A keyset page request: at most {@code limit} rows after the opaque cursor {@code after}. Keyset
 * pagination stays fast however deep the page, unlike OFFSET.
 */
public record PageRequest(int limit, Long after) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /** The first page of at most {@code limit} rows (capped at {@link #MAX_LIMIT}). */
    public static PageRequest first(int limit) {
        return new PageRequest(Math.min(limit, MAX_LIMIT), null);
    }

    static PageRequest of(String limit, String after) {
        int size = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("limit must be a number");
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw ApiError.badRequest("limit must be between 1 and " + MAX_LIMIT);
            }
        }
        Long cursor = null;
        if (after != null && !after.isBlank()) {
            try {
                cursor = Long.parseLong(after.trim());
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("after must be a cursor returned as next by an earlier page");
            }
        }
        return new PageRequest(size, cursor);
    }
}
