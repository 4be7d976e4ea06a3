package io.tutoring.links;

import io.tutoring.common.Sql;
import io.tutoring.users.UserRef;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of parent–student links. A link is a plain pair with no behaviour of its own, so it is written with
 * SQL (an insert that may race, a delete) rather than a composite-key entity.
 */
@ApplicationScoped
public class LinkQueries {

    /** Holds the link until the transaction ends: a removal that races with a send waits for the send to commit. */
    private static final String HOLD = """
            select 1 from parent_student_link where parent_id = :p and student_id = :s for key share""";

    private static final String HOLD_PARENTS_OF = """
            select parent_id from parent_student_link where student_id = :s
             order by created_at, parent_id for key share""";

    private static final String INSERT = """
            insert into parent_student_link (parent_id, student_id) values (:p, :s) on conflict do nothing""";

    private static final String DELETE = "delete from parent_student_link where parent_id = :p and student_id = :s";

    private static final String INSERT_EVENT = """
            insert into link_event (id, parent_id, student_id, action, actor_id)
            values (:id, :p, :s, :a, :actor)""";

    /** A link as its two sides see it, with both names; the conditions follow. */
    private static final String VIEW = """
            select l.parent_id, p.name as parent_name, l.student_id, s.name as student_name, l.created_at
              from parent_student_link l
              join app_user p on p.id = l.parent_id
              join app_user s on s.id = l.student_id
            """;

    private final Sql sql;

    public LinkQueries(Sql sql) {
        this.sql = sql;
    }

    boolean hold(UUID parentId, UUID studentId) {
        return sql.query(HOLD).bind("p", parentId).bind("s", studentId).first(rs -> Boolean.TRUE).isPresent();
    }

    List<UUID> holdParentsOf(UUID studentId) {
        return sql.query(HOLD_PARENTS_OF).bind("s", studentId).list(rs -> Sql.uuid(rs, "parent_id"));
    }

    /** False when the link already existed. */
    boolean insert(UUID parentId, UUID studentId) {
        return sql.query(INSERT).bind("p", parentId).bind("s", studentId).update() > 0;
    }

    /** False when there was no link. */
    boolean delete(UUID parentId, UUID studentId) {
        return sql.query(DELETE).bind("p", parentId).bind("s", studentId).update() > 0;
    }

    void recordEvent(UUID parentId, UUID studentId, Links.Action action, UUID actorId) {
        sql.query(INSERT_EVENT)
                .bind("id", UUID.randomUUID())
                .bind("p", parentId).bind("s", studentId)
                .bind("a", action).bind("actor", actorId)
                .update();
    }

    List<LinkView> ofParent(UUID parentId, int max) {
        return sql.query(VIEW + " where l.parent_id = :me order by l.created_at, l.student_id limit :max")
                .bind("me", parentId).bind("max", max).list(LinkQueries::view);
    }

    List<LinkView> ofStudent(UUID studentId, int max) {
        return sql.query(VIEW + " where l.student_id = :me order by l.created_at, l.parent_id limit :max")
                .bind("me", studentId).bind("max", max).list(LinkQueries::view);
    }

    Optional<LinkView> between(UUID parentId, UUID studentId) {
        return sql.query(VIEW + " where l.parent_id = :p and l.student_id = :s")
                .bind("p", parentId).bind("s", studentId).first(LinkQueries::view);
    }

    private static LinkView view(ResultSet rs) throws SQLException {
        return new LinkView(new UserRef(Sql.uuid(rs, "parent_id"), rs.getString("parent_name")),
                new UserRef(Sql.uuid(rs, "student_id"), rs.getString("student_name")),
                Sql.instant(rs, "created_at"));
    }
}
