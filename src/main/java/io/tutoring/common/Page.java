package io.tutoring.common;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list. {@code nextCursor} is null on the last page. */
@RegisterForReflection
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only says that another page
     * exists, and the cursor is the key of the last row shown.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, Cursor> keyOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> shown = rows.subList(0, limit);
        return new Page<>(List.copyOf(shown), keyOf.apply(shown.get(limit - 1)).encode());
    }
}
