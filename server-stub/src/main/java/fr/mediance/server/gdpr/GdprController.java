package fr.mediance.server.gdpr;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.RetentionRunDto;
import fr.mediance.protocol.RightsRequestDto;
import fr.mediance.protocol.RightsRequests;
import fr.mediance.protocol.RightsRequestsResponse;
import fr.mediance.protocol.Role;
import fr.mediance.rules.Deadlines;
import fr.mediance.server.DomainException;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.auth.Authenticator;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.Tx;
import fr.mediance.server.http.JsonBodies;
import fr.mediance.server.http.Responses;
import fr.mediance.server.sync.EntityJson;
import fr.mediance.server.sync.PushService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The office's register of rights requests (« Demandes RGPD »: access, rectification, erasure, restriction,
 * objection) with the one-month deadline of GDPR art. 12(3) computed by {@link Deadlines#rightsAnswerDue}, the
 * erasure carried out by anonymising the file ({@link GdprRetention#anonymiseNow}), and the retention run on demand.
 * The register holds no resident data but the resident's id and the office's short texts.
 */
public final class GdprController {
    private static final Logger LOG = LoggerFactory.getLogger(GdprController.class);
    private static final Role[] REGISTER_ROLES = {Role.OFFICE, Role.COORDINATOR, Role.ADMIN};

    private final Database db;
    private final Authenticator authenticator;
    private final GdprRetention retention;
    private final Clock clock;

    public GdprController(Database db, Authenticator authenticator, GdprRetention retention, Clock clock) {
        this.db = db;
        this.authenticator = authenticator;
        this.retention = retention;
        this.clock = clock;
    }

    public void routes(RoutesConfig r) {
        r.get(ApiPaths.GDPR_REQUESTS, this::list);
        r.post(ApiPaths.GDPR_REQUESTS, this::create);
        r.put(ApiPaths.GDPR_REQUEST, this::update);
        r.post(ApiPaths.GDPR_REQUEST_ERASE, this::erase);
        r.post(ApiPaths.GDPR_RETENTION_RUN, this::run);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), PushService.PARIS);
    }

    private void list(Context ctx) {
        AuthUser caller = authenticator.require(ctx, REGISTER_ROLES);
        LocalDate today = today();
        List<RightsRequestDto> all = db.read(tx -> read(tx, caller.structureId(), null, today));
        Responses.ok(ctx, new RightsRequestsResponse(all));
    }

    private void create(Context ctx) {
        AuthUser caller = authenticator.require(ctx, REGISTER_ROLES);
        RightsRequestDto in = JsonBodies.read(ctx, RightsRequestDto.class);
        LocalDate today = today();
        check(in, today);
        String id = in.id() != null && !in.id().isBlank()
                ? in.id()
                : UUID.randomUUID().toString();
        Instant now = clock.instant();
        RightsRequestDto saved = db.inTransaction(tx -> {
            requireResident(tx, caller.structureId(), in.residentId());
            if (tx.exists("SELECT 1 FROM rights_requests WHERE id = ?", id)) {
                throw new DomainException(
                        DomainException.Kind.CONFLICT, "request_exists", "Cette demande est déjà enregistrée.");
            }
            tx.update(
                    "INSERT INTO rights_requests (id, structure_id, resident_id, kind, received_on, due_on, extended, "
                            + "extension_reason, status, answered_on, answer, created_by, created_at, updated_by, "
                            + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id,
                    caller.structureId(),
                    in.residentId(),
                    in.kind(),
                    in.receivedOn().toString(),
                    Deadlines.rightsAnswerDue(in.receivedOn(), in.extended()).toString(),
                    in.extended() ? 1 : 0,
                    in.extensionReason(),
                    status(in),
                    in.answeredOn() == null ? null : in.answeredOn().toString(),
                    in.answer(),
                    caller.id(),
                    now.toEpochMilli(),
                    caller.id(),
                    now.toEpochMilli());
            return read(tx, caller.structureId(), id, today).get(0);
        });
        LOG.info("rights request recorded: kind {}", saved.kind());
        Responses.json(ctx, 201, saved);
    }

    private void update(Context ctx) {
        AuthUser caller = authenticator.require(ctx, REGISTER_ROLES);
        String id = ctx.pathParam("id");
        RightsRequestDto in = JsonBodies.read(ctx, RightsRequestDto.class);
        LocalDate today = today();
        check(in, today);
        RightsRequestDto saved = db.inTransaction(tx -> {
            RightsRequestDto before = find(tx, caller.structureId(), id, today);
            if (!before.residentId().equals(in.residentId()) || !before.kind().equals(in.kind())) {
                throw DomainException.invalid(
                        "invalid_request", "Une demande garde sa personne et son type : enregistrez-en une autre.");
            }
            if (before.extended() && !in.extended()) {
                throw DomainException.invalid(
                        "invalid_request", "Une prolongation annoncée à la personne ne se retire pas.");
            }
            tx.update(
                    "UPDATE rights_requests SET received_on = ?, due_on = ?, extended = ?, extension_reason = ?, "
                            + "status = ?, answered_on = ?, answer = ?, updated_by = ?, updated_at = ? WHERE id = ?",
                    in.receivedOn().toString(),
                    Deadlines.rightsAnswerDue(in.receivedOn(), in.extended()).toString(),
                    in.extended() ? 1 : 0,
                    in.extensionReason(),
                    status(in),
                    in.answeredOn() == null ? null : in.answeredOn().toString(),
                    in.answer(),
                    caller.id(),
                    clock.instant().toEpochMilli(),
                    id);
            return find(tx, caller.structureId(), id, today);
        });
        LOG.info("rights request updated: kind {}, status {}", saved.kind(), saved.status());
        Responses.ok(ctx, saved);
    }

    /** Carries out an open erasure request: the file is anonymised and the request answered today. */
    private void erase(Context ctx) {
        AuthUser caller = authenticator.require(ctx, Role.OFFICE, Role.ADMIN);
        String id = ctx.pathParam("id");
        LocalDate today = today();
        RightsRequestDto request = db.read(tx -> find(tx, caller.structureId(), id, today));
        if (!RightsRequests.ERASURE.equals(request.kind())) {
            throw DomainException.invalid(
                    "not_erasure", "Seule une demande d'effacement s'exécute en anonymisant le dossier.");
        }
        if (!RightsRequests.OPEN.equals(request.status())) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT, "request_closed", "Cette demande a déjà reçu sa réponse.");
        }
        retention.anonymiseNow(caller.structureId(), request.residentId());
        RightsRequestDto done = db.inTransaction(tx -> {
            tx.update(
                    "UPDATE rights_requests SET status = ?, answered_on = ?, answer = ?, updated_by = ?, "
                            + "updated_at = ? WHERE id = ?",
                    RightsRequests.ANSWERED,
                    today.toString(),
                    "Dossier anonymisé, documents supprimés.",
                    caller.id(),
                    clock.instant().toEpochMilli(),
                    id);
            return find(tx, caller.structureId(), id, today);
        });
        Responses.ok(ctx, done);
    }

    private void run(Context ctx) {
        authenticator.require(ctx, Role.ADMIN);
        GdprRetention.Report r = retention.run();
        Responses.ok(ctx, new RetentionRunDto(r.residents(), r.mandates(), r.documents(), r.files()));
    }

    private static String status(RightsRequestDto in) {
        return in.status() == null ? RightsRequests.OPEN : in.status();
    }

    private static void check(RightsRequestDto in, LocalDate today) {
        List<RightsRequests.Problem> problems = RightsRequests.problems(in, today);
        if (!problems.isEmpty()) {
            List<FieldErrorDto> errors = new ArrayList<>();
            for (RightsRequests.Problem p : problems) {
                errors.add(new FieldErrorDto(p.field(), p.message()));
            }
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "invalid_request",
                    problems.get(0).message(),
                    errors);
        }
    }

    private static void requireResident(Tx tx, String structureId, String residentId) {
        if (!tx.exists("SELECT 1 FROM residents WHERE id = ? AND structure_id = ?", residentId, structureId)) {
            throw DomainException.notFound("not_found", "Personne introuvable dans votre structure.");
        }
    }

    private static RightsRequestDto find(Tx tx, String structureId, String id, LocalDate today) {
        List<RightsRequestDto> found = read(tx, structureId, id, today);
        if (found.isEmpty()) {
            throw DomainException.notFound("not_found", "Demande introuvable.");
        }
        return found.get(0);
    }

    /** The structure's requests (or one), the open ones first by due day, then the others, latest first. */
    static List<RightsRequestDto> read(Tx tx, String structureId, String id, LocalDate today) {
        List<RightsRequestDto> list = tx.query(
                "SELECT q.id, q.resident_id, r.data, q.kind, q.received_on, q.extended, q.extension_reason, q.status, "
                        + "q.answered_on, q.answer, r.anonymised_at FROM rights_requests q JOIN residents r "
                        + "ON r.id = q.resident_id WHERE q.structure_id = ?"
                        + (id == null ? "" : " AND q.id = ?"),
                rs -> {
                    LocalDate received = LocalDate.parse(rs.getString(5));
                    boolean extended = rs.getInt(6) != 0;
                    String status = rs.getString(8);
                    String answered = rs.getString(9);
                    rs.getLong(11);
                    boolean anonymised = !rs.wasNull();
                    ResidentDto resident = (ResidentDto) EntityJson.read(EntityType.RESIDENT, rs.getString(3));
                    String label = anonymised
                            ? ""
                            : (resident.lastName() + (resident.firstName() == null ? "" : " " + resident.firstName()));
                    return new RightsRequestDto(
                            rs.getString(1),
                            rs.getString(2),
                            label,
                            rs.getString(4),
                            received,
                            Deadlines.rightsAnswerDue(received, extended),
                            extended,
                            rs.getString(7),
                            status,
                            answered == null ? null : LocalDate.parse(answered),
                            rs.getString(10),
                            RightsRequests.OPEN.equals(status)
                                    && Deadlines.rightsAnswerOverdue(received, extended, today));
                },
                id == null ? new Object[] {structureId} : new Object[] {structureId, id});
        return list.stream()
                .sorted(Comparator.comparing((RightsRequestDto q) -> !RightsRequests.OPEN.equals(q.status()))
                        .thenComparing(q -> RightsRequests.OPEN.equals(q.status())
                                ? q.dueOn().toString()
                                : invert(q.receivedOn())))
                .toList();
    }

    private static String invert(LocalDate d) {
        return String.valueOf(99_999_999 - Integer.parseInt(d.toString().replace("-", "")));
    }
}
