package fr.mediance.server.gdpr;

import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.MandateDto;
import fr.mediance.rules.Deadlines;
import fr.mediance.server.DomainException;
import fr.mediance.server.blob.BlobStore;
import fr.mediance.server.code.LegalValuesStore;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.Tx;
import fr.mediance.server.sync.EntityJson;
import fr.mediance.server.sync.EntityWriter;
import fr.mediance.server.sync.PushService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily GDPR retention (domain brief §8, one source for the periods: {@link Deadlines} with the office's legal
 * values {@code retention_case_file_years} and {@code retention_mandate_years}):
 *
 * <ol>
 *   <li>a resident whose <b>last contact</b> is {@code retention_case_file_years} (2) years old or more —
 *       {@link Deadlines#deleteOn} of the last contact is today or before — and who has no open case (open or on
 *       hold) is anonymised ({@link Anonymiser}). The last contact is the latest of: the file's creation, a past
 *       appointment, a visit report, a request received, a case opened or closed, a consent, a mandate or a document
 *       recorded (Europe/Paris days);</li>
 *   <li>a <b>mandate</b> whose end (its end date, or its revocation day when earlier) is {@code
 *       retention_mandate_years} (6) years old or more is purged with its signatures;</li>
 *   <li><b>documents of a decided démarche</b>: once an aid application has its decision ({@code decidedOn}, purged
 *       from the day after), the resident's documents of the types its checklist names, recorded up to the decision
 *       day, are purged — unless another application of the resident still waiting for its decision needs that
 *       type; <b>at case closure at the latest</b>: once a resident's case is closed (the day after {@code closedOn})
 *       and no other is open, the documents recorded up to that day are purged. The signatures of consents and
 *       mandates still in force are never purged this way (they are evidence).</li>
 * </ol>
 *
 * Files no live document refers to any more are deleted after the commit. The log says how many, never who.
 */
public final class GdprRetention {
    private static final Logger LOG = LoggerFactory.getLogger(GdprRetention.class);

    private final Database db;
    private final BlobStore blobStore;
    private final Clock clock;
    private final Anonymiser anonymiser;
    private final EntityWriter writer;

    public GdprRetention(Database db, BlobStore blobStore, EntityWriter writer, Clock clock) {
        this.db = db;
        this.blobStore = blobStore;
        this.clock = clock;
        this.writer = writer;
        this.anonymiser = new Anonymiser(writer);
    }

    /** What one run did. */
    public record Report(int residents, int mandates, int documents, int files) {}

    /** Runs the three purges now; answers what was done. */
    public Report run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PushService.PARIS);
        Set<String> hashes = new LinkedHashSet<>();
        int[] counts = new int[3];
        db.inSequencedTransaction(tx -> {
            writer.beginWrite(tx);
            Deadlines rules = new Deadlines(LegalValuesStore.reference(tx));
            counts[0] = anonymiseInactive(tx, rules, today, now, hashes);
            counts[1] = purgeMandates(tx, rules, today, now, hashes);
            counts[2] = purgeDecidedDocuments(tx, today, now, hashes);
            return null;
        });
        int files = deleteOrphans(hashes);
        if (counts[0] + counts[1] + counts[2] + files > 0) {
            LOG.info(
                    "GDPR retention: {} residents anonymised, {} mandates purged, {} documents purged, {} files deleted",
                    counts[0],
                    counts[1],
                    counts[2],
                    files);
        }
        return new Report(counts[0], counts[1], counts[2], files);
    }

    /**
     * Anonymises one resident now (an erasure request carried out), within the structure; refused while a case is
     * open, or when an aid was paid less than 10 years ago (accounting records, a legal obligation).
     */
    public void anonymiseNow(String structureId, String residentId) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, PushService.PARIS);
        Set<String> hashes = new LinkedHashSet<>();
        db.inSequencedTransaction(tx -> {
            writer.beginWrite(tx);
            if (!tx.exists("SELECT 1 FROM residents WHERE id = ? AND structure_id = ?", residentId, structureId)) {
                throw DomainException.notFound("not_found", "Personne introuvable.");
            }
            if (hasOpenCase(tx, residentId)) {
                throw new DomainException(
                        DomainException.Kind.CONFLICT,
                        "case_open",
                        "Un accompagnement est ouvert pour cette personne : clôturez-le avant d'effacer son dossier.");
            }
            if (aidPaidWithinTenYears(tx, residentId, today)) {
                throw new DomainException(
                        DomainException.Kind.CONFLICT,
                        "legal_obligation",
                        "Une aide a été versée à cette personne il y a moins de 10 ans : les pièces comptables sont "
                                + "conservées (obligation légale). Limitez le traitement et répondez à la personne "
                                + "avec ce motif.");
            }
            hashes.addAll(anonymiser.anonymise(tx, residentId, now, keptMandateDocuments(tx, residentId, today)));
            return null;
        });
        int files = deleteOrphans(hashes);
        LOG.info("GDPR erasure carried out: 1 resident anonymised, {} files deleted", files);
    }

    private int anonymiseInactive(Tx tx, Deadlines rules, LocalDate today, Instant now, Set<String> hashes) {
        // a resident created after this cannot have a last contact old enough: a cheap first filter
        Instant createdBefore = ZonedDateTime.ofInstant(now, PushService.PARIS)
                .minusYears(
                        rules.deleteOn(Deadlines.RetentionKind.CASE_FILE, today).getYear() - today.getYear())
                .plusDays(1)
                .toInstant();
        List<String> candidates = tx.query(
                "SELECT id FROM residents WHERE anonymised_at IS NULL AND created_at < ? ORDER BY id",
                rs -> rs.getString(1),
                createdBefore.toEpochMilli());
        int done = 0;
        for (String id : candidates) {
            LocalDate last = lastContact(tx, id, now);
            if (rules.deleteOn(Deadlines.RetentionKind.CASE_FILE, last).isAfter(today) || hasOpenCase(tx, id)) {
                continue;
            }
            hashes.addAll(anonymiser.anonymise(tx, id, now, keptMandateDocuments(tx, id, today)));
            done++;
        }
        return done;
    }

    /** The day of the last contact with the resident (Europe/Paris). */
    static LocalDate lastContact(Tx tx, String residentId, Instant now) {
        long latest = tx.queryLong("SELECT created_at FROM residents WHERE id = ?", residentId)
                .orElse(0L);
        latest = Math.max(
                latest,
                tx.queryLong(
                                "SELECT MAX(starts_at) FROM appointments WHERE resident_id = ? AND starts_at <= ?",
                                residentId,
                                now.toEpochMilli())
                        .orElse(0L));
        for (String table : List.of("visit_reports", "consents", "mandates", "documents")) {
            latest = Math.max(
                    latest,
                    tx.queryLong("SELECT MAX(created_at) FROM " + table + " WHERE resident_id = ?", residentId)
                            .orElse(0L));
        }
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(latest), PushService.PARIS);
        for (String sql : List.of(
                "SELECT MAX(received_on) FROM requests WHERE resident_id = ?",
                "SELECT MAX(opened_on) FROM cases WHERE resident_id = ?",
                "SELECT MAX(closed_on) FROM cases WHERE resident_id = ?")) {
            Optional<String> d = tx.queryOne(sql, rs -> rs.getString(1), residentId);
            if (d.isPresent() && d.get() != null) {
                LocalDate other = LocalDate.parse(d.get());
                if (other.isAfter(day)) {
                    day = other;
                }
            }
        }
        return day;
    }

    static boolean hasOpenCase(Tx tx, String residentId) {
        return tx.exists(
                "SELECT 1 FROM cases WHERE resident_id = ? AND deleted = 0 AND status <> 'closed'", residentId);
    }

    private static boolean aidPaidWithinTenYears(Tx tx, String residentId, LocalDate today) {
        for (Anonymiser.Row r : Anonymiser.rows(
                tx, EntityType.AID_APPLICATION, "aid_applications", "resident_id = ? AND deleted = 0", residentId)) {
            AidApplicationDto a = (AidApplicationDto) EntityJson.read(EntityType.AID_APPLICATION, r.data());
            if (a.grantedCents() != null
                    && a.grantedCents() > 0
                    && a.decidedOn() != null
                    && a.decidedOn().plusYears(10).isAfter(today)) {
                return true;
            }
        }
        return false;
    }

    /** The signatures of the resident's mandates still within their retention: kept with their mandate. */
    private static Set<String> keptMandateDocuments(Tx tx, String residentId, LocalDate today) {
        Set<String> kept = new HashSet<>();
        for (Anonymiser.Row r :
                Anonymiser.rows(tx, EntityType.MANDATE, "mandates", "resident_id = ? AND deleted = 0", residentId)) {
            MandateDto m = (MandateDto) EntityJson.read(EntityType.MANDATE, r.data());
            if (m.residentSignatureDocumentId() != null) {
                kept.add(m.residentSignatureDocumentId());
            }
            if (m.agentSignatureDocumentId() != null) {
                kept.add(m.agentSignatureDocumentId());
            }
        }
        return kept;
    }

    private int purgeMandates(Tx tx, Deadlines rules, LocalDate today, Instant now, Set<String> hashes) {
        int done = 0;
        for (Anonymiser.Row r : Anonymiser.rows(tx, EntityType.MANDATE, "mandates", "deleted = 0")) {
            MandateDto m = (MandateDto) EntityJson.read(EntityType.MANDATE, r.data());
            LocalDate revoked = m.revokedAt() == null ? null : LocalDate.ofInstant(m.revokedAt(), PushService.PARIS);
            LocalDate end = Deadlines.mandateEnd(m.endDate(), revoked);
            if (!rules.deleteOn(Deadlines.RetentionKind.MANDATE, end).isAfter(today)) {
                hashes.addAll(anonymiser.purgeMandate(tx, r, now));
                done++;
            }
        }
        return done;
    }

    private int purgeDecidedDocuments(Tx tx, LocalDate today, Instant now, Set<String> hashes) {
        Set<String> purged = new LinkedHashSet<>();
        List<AidApplicationDto> applications = new ArrayList<>();
        for (Anonymiser.Row r : Anonymiser.rows(tx, EntityType.AID_APPLICATION, "aid_applications", "deleted = 0")) {
            applications.add((AidApplicationDto) EntityJson.read(EntityType.AID_APPLICATION, r.data()));
        }
        for (AidApplicationDto decided : applications) {
            if (decided.decidedOn() == null || !decided.decidedOn().isBefore(today)) {
                continue;
            }
            Set<String> stillNeeded = new HashSet<>();
            for (AidApplicationDto other : applications) {
                if (other.residentId().equals(decided.residentId()) && other.decidedOn() == null) {
                    stillNeeded.addAll(other.checklist());
                }
            }
            Instant upTo = decided.decidedOn()
                    .plusDays(1)
                    .atStartOfDay(PushService.PARIS)
                    .toInstant();
            for (Anonymiser.Row d : liveDocuments(tx, decided.residentId(), upTo)) {
                DocumentDto doc = (DocumentDto) EntityJson.read(EntityType.DOCUMENT, d.data());
                if (decided.checklist().contains(doc.type())
                        && !stillNeeded.contains(doc.type())
                        && !signatureInForce(tx, d.id())
                        && purged.add(d.id())) {
                    hashes.add(anonymiser.purgeDocument(tx, d, now));
                }
            }
        }
        List<String[]> closed = tx.query(
                "SELECT resident_id, MAX(closed_on) FROM cases WHERE deleted = 0 AND status = 'closed' "
                        + "AND closed_on < ? GROUP BY resident_id ORDER BY resident_id",
                rs -> new String[] {rs.getString(1), rs.getString(2)},
                today.toString());
        for (String[] c : closed) {
            if (hasOpenCase(tx, c[0])) {
                continue;
            }
            Instant upTo = LocalDate.parse(c[1])
                    .plusDays(1)
                    .atStartOfDay(PushService.PARIS)
                    .toInstant();
            for (Anonymiser.Row d : liveDocuments(tx, c[0], upTo)) {
                if (!signatureInForce(tx, d.id()) && purged.add(d.id())) {
                    hashes.add(anonymiser.purgeDocument(tx, d, now));
                }
            }
        }
        return purged.size();
    }

    private static List<Anonymiser.Row> liveDocuments(Tx tx, String residentId, Instant recordedBefore) {
        return Anonymiser.rows(
                tx,
                EntityType.DOCUMENT,
                "documents",
                "resident_id = ? AND deleted = 0 AND created_at < ?",
                residentId,
                recordedBefore.toEpochMilli());
    }

    /** Whether the document is the signature of a live consent or mandate of its resident. */
    private static boolean signatureInForce(Tx tx, String documentId) {
        for (Anonymiser.Row m : Anonymiser.rows(
                tx, EntityType.MANDATE, "mandates", "deleted = 0 AND data LIKE ?", "%" + documentId + "%")) {
            MandateDto mandate = (MandateDto) EntityJson.read(EntityType.MANDATE, m.data());
            if (documentId.equals(mandate.residentSignatureDocumentId())
                    || documentId.equals(mandate.agentSignatureDocumentId())) {
                return true;
            }
        }
        for (Anonymiser.Row c : Anonymiser.rows(
                tx, EntityType.CONSENT, "consents", "deleted = 0 AND data LIKE ?", "%" + documentId + "%")) {
            ConsentDto consent = (ConsentDto) EntityJson.read(EntityType.CONSENT, c.data());
            if (documentId.equals(consent.signatureDocumentId())) {
                return true;
            }
        }
        return false;
    }

    /** Deletes the files no live document refers to any more (rows, upload records, bytes); answers how many. */
    private int deleteOrphans(Set<String> hashes) {
        List<String> orphans = db.inTransaction(tx -> {
            List<String> gone = new ArrayList<>();
            for (String sha : hashes) {
                if (!tx.exists("SELECT 1 FROM documents WHERE sha256 = ? AND deleted = 0", sha)) {
                    tx.update("DELETE FROM blobs WHERE sha256 = ?", sha);
                    tx.update("DELETE FROM uploads WHERE sha256 = ?", sha);
                    gone.add(sha);
                }
            }
            return gone;
        });
        for (String sha : orphans) {
            blobStore.delete(sha);
        }
        return orphans.size();
    }
}
