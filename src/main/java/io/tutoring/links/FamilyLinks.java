package io.tutoring.links;

import io.tutoring.common.failures.NotFound;
import io.tutoring.users.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * A parent's or a student's own links: listing them and removing one. Removal goes through {@link Links#unlink},
 * which records who removed it; the parent's access to the threads ends with the row.
 */
@ApplicationScoped
public class FamilyLinks {

    /** A family has a handful of links; this bounds the list all the same. */
    static final int MAX_LINKS = 200;

    private final LinkQueries queries;
    private final Links links;

    public FamilyLinks(LinkQueries queries, Links links) {
        this.queries = queries;
        this.links = links;
    }

    public List<LinkView> ofParent(Caller parent) {
        return queries.ofParent(parent.id(), MAX_LINKS);
    }

    public List<LinkView> ofStudent(Caller student) {
        return queries.ofStudent(student.id(), MAX_LINKS);
    }

    /** The link between the two, which must exist. */
    public LinkView view(UUID parentId, UUID studentId) {
        return queries.between(parentId, studentId).orElseThrow(() -> new NotFound(
                "No link between parent " + parentId + " and student " + studentId));
    }

    @Transactional
    public void removeByParent(Caller parent, UUID studentId) {
        if (!links.unlink(parent.id(), studentId, Links.Action.REMOVED_BY_PARENT, parent.id())) {
            throw new NotFound("You are not linked to a student with id " + studentId);
        }
    }

    @Transactional
    public void removeByStudent(Caller student, UUID parentId) {
        if (!links.unlink(parentId, student.id(), Links.Action.REMOVED_BY_STUDENT, student.id())) {
            throw new NotFound("You are not linked to a parent with id " + parentId);
        }
    }
}
