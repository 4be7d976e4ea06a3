package io.tutoring.common;

import io.quarkus.test.junit.QuarkusTest;
import io.tutoring.support.Statements;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plain JDBC path against the real PostgreSQL: named parameters, casts and quotes, types both ways. */
@QuarkusTest
class SqlTest {

    @Inject
    Sql sql;

    @Inject
    Statements statements;

    @Test
    void namedParametersLeaveCastsAndQuotedColonsAlone() {
        String value = sql.query("select :a::text || ':b' || '::c' || :a as value")
                .bind("a", "x")
                .first(rs -> rs.getString("value")).orElseThrow();
        assertEquals("x:b::cx", value, "both :a replaced, the quoted :b and ::c kept, ::text a cast");
    }

    @Test
    void uuidsInstantsEnumsAndNullsRoundTrip() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Object> row = sql.query("select :id::uuid as id, :at::timestamptz as at, :unit::text as unit,"
                        + " :none::text as none")
                .bind("id", id).bind("at", at).bind("unit", ChronoUnit.DAYS).bind("none", null)
                .first(rs -> List.<Object>of(Sql.uuid(rs, "id"), Sql.instant(rs, "at"), rs.getString("unit"),
                        String.valueOf(rs.getString("none"))))
                .orElseThrow();
        assertEquals(List.of(id, at, "DAYS", "null"), row);
    }

    @Test
    void anUnboundParameterIsAnErrorBeforeAnythingRuns() {
        long ran = statements.during(() -> {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> sql.query("select :a as a, :b as b").bind("a", 1).list(rs -> rs.getInt("a")));
            assertTrue(e.getMessage().contains(":b"), e.getMessage());
        });
        assertEquals(0, ran);
    }

    @Test
    void aFailingStatementSaysWhy() {
        var e = assertThrows(Sql.DataAccessException.class,
                () -> sql.query("select * from no_such_table").list(rs -> 1));
        assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
    }
}
