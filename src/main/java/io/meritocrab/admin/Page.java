package io.meritocrab.admin;

import java.util.List;

/** One page of a listing and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String next) {
}
