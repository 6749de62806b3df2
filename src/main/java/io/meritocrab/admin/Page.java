package io.meritocrab.admin;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** One page of a listing and the cursor of the next page (null on the last page). */
@JsonbNillable
public record Page<T>(List<T> items, String next) {
}
