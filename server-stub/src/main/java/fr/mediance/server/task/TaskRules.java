package fr.mediance.server.task;

import static fr.mediance.server.sync.FieldChecks.code;
import static fr.mediance.server.sync.FieldChecks.date;
import static fr.mediance.server.sync.FieldChecks.id;
import static fr.mediance.server.sync.FieldChecks.instant;
import static fr.mediance.server.sync.FieldChecks.text;

import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.server.db.Tx;
import fr.mediance.server.resident.ResidentFiles;
import fr.mediance.server.sync.Colleagues;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Follow-up tasks. A counsellor creates and updates the tasks assigned to themselves, about residents they
 * follow; the coordination, the office and the admin assign them to a colleague and may delete them. Status:
 * todo, then done or cancelled (with {@code closedAt}); a closed task is only reopened to todo; a task stays
 * about the same resident. Seen by the structure's staff, its assignee, and the counsellors who follow its
 * resident; a former assignee gets a tombstone.
 */
public final class TaskRules extends RecordRules<TaskDto> {
    private static final List<String> STATUSES = List.of(TaskDto.TODO, TaskDto.DONE, TaskDto.CANCELLED);

    private final Colleagues colleagues;

    public TaskRules(Colleagues colleagues) {
        super(EntityType.TASK, TaskDto.class);
        this.colleagues = colleagues;
    }

    @Override
    public void validate(Tx tx, TaskDto t, LocalDate today) {
        id("id", t.id(), true);
        id("residentId", t.residentId(), true);
        id("visitReportId", t.visitReportId(), false);
        id("assigneeId", t.assigneeId(), true);
        text("title", t.title(), Limits.MAX_SHORT_TEXT, true);
        date("dueDate", t.dueDate(), true);
        if (!STATUSES.contains(t.status())) {
            throw RejectedOp.invalid("status", "Le statut « status » d'un suivi doit être todo, done ou cancelled.");
        }
        code(tx, "ruleCode", ListNames.TASK_RULE, t.ruleCode(), false);
        id("sourceId", t.sourceId(), false);
        boolean closed = !TaskDto.TODO.equals(t.status());
        if (closed && t.closedAt() == null) {
            throw RejectedOp.invalid("closedAt", "Un suivi fait ou annulé porte sa date de clôture « closedAt ».");
        }
        if (!closed && t.closedAt() != null) {
            throw RejectedOp.invalid("closedAt", "Un suivi à faire n'a pas de date de clôture « closedAt ».");
        }
        instant("createdAt", t.createdAt());
        instant("closedAt", t.closedAt());
    }

    @Override
    public OperationResultDto apply(Operation c, TaskDto pushed) {
        TaskDto t = c.inCallersStructure(pushed);
        validate(c.tx(), t, c.today());
        boolean counsellor = c.user().is(Role.COUNSELLOR);
        if (!c.byStaff() && !counsellor) {
            throw RejectedOp.forbidden("Votre rôle ne permet pas de modifier un suivi.");
        }
        Optional<StoredEntity> existing = c.existing(EntityType.TASK, t.id());
        TaskDto before = existing.map(e -> (TaskDto) e.data()).orElse(null);
        if (counsellor) {
            if (!c.user().id().equals(t.assigneeId())) {
                throw RejectedOp.forbidden("Un suivi que vous enregistrez vous est attribué : « assigneeId » doit "
                        + "être votre identifiant (la coordination attribue les suivis aux collègues).");
            }
            if (before != null && !c.user().id().equals(before.assigneeId())) {
                throw RejectedOp.forbidden("Ce suivi est attribué à un collègue : modification refusée.");
            }
        } else if (before == null || !before.assigneeId().equals(t.assigneeId())) {
            colleagues.require(c, t.assigneeId(), "assigneeId");
        }
        if (before == null) {
            StoredEntity resident = ResidentFiles.live(c, t.residentId());
            if (counsellor && !ResidentFiles.follows(c.tx(), c.user().id(), (ResidentDto) resident.data())) {
                throw ResidentFiles.notFollowed();
            }
        } else {
            if (!before.residentId().equals(t.residentId())) {
                throw RejectedOp.invalid("residentId", "Un suivi reste attaché à la même personne (« residentId »).");
            }
            if (!TaskDto.TODO.equals(before.status())
                    && !before.status().equals(t.status())
                    && !TaskDto.TODO.equals(t.status())) {
                throw new RejectedOp(
                        RejectedOp.TASK_TRANSITION,
                        "Ce suivi est déjà clos (« " + before.status()
                                + " ») : il ne peut être que rouvert (« todo »).");
            }
            if (before.equals(t)) {
                return c.applied(existing.get().version());
            }
        }
        if (t.visitReportId() != null) {
            // the report may still be on its way (a task can arrive first); when it is here, it is about the same
            // person
            c.find(EntityType.VISIT_REPORT, t.visitReportId())
                    .filter(e -> c.structure().equals(e.structureId()))
                    .filter(e -> !((VisitReportDto) e.data()).residentId().equals(t.residentId()))
                    .ifPresent(e -> {
                        throw RejectedOp.notFound("Compte rendu « visitReportId » introuvable pour cette personne.");
                    });
        }
        long version = c.save(t);
        if (before != null && !before.assigneeId().equals(t.assigneeId())) {
            c.revoke(EntityType.TASK, t.id(), before.assigneeId());
        }
        return c.applied(version);
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        if (!c.byStaff()) {
            throw RejectedOp.forbidden("Un suivi se marque fait ou annulé ; seule la coordination le supprime.");
        }
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, TaskDto task) {
        return viewer.seesWholeStructure()
                || viewer.id().equals(task.assigneeId())
                || viewer.follows(task.residentId());
    }
}
