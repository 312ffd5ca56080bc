package fr.mediance.app.core.checkin;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.platform.Position;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.protocol.CheckInDto;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.json.Adapters;
import java.time.Instant;
import java.util.Optional;

/**
 * The optional GPS check-in: the counsellor's setting "Enregistrer ma position à l'arrivée" (off unless turned
 * on, kept on this device) and the position recorded in a draft report when they tap "Je suis arrivé·e". Only
 * the report's check-in field is written: the rest of the draft is left as the visit form saved it.
 */
public final class CheckInService {
    /** The setting's key in {@code settings}. */
    static final String ENABLED = "checkin.enabled";

    private final StoreHolder store;

    public CheckInService(StoreHolder store) {
        this.store = store;
    }

    public boolean enabled() {
        return store.db().read(tx -> tx.setting(ENABLED).map("true"::equals).orElse(false));
    }

    public void setEnabled(boolean on) {
        store.db().inTransaction(tx -> {
            tx.putSetting(ENABLED, on ? "true" : null);
            return null;
        });
    }

    /** Whether the report exists and is still a draft (a check-in can be recorded). */
    public boolean isDraft(String reportId) {
        return store.db()
                .read(tx -> tx.exists("SELECT 1 FROM visit_reports WHERE id = ? AND completed_at IS NULL", reportId));
    }

    /** The draft report of an appointment, if one is being written. */
    public Optional<String> draftOf(String appointmentId) {
        return store.db().read(tx -> tx.queryOne("""
                SELECT id FROM visit_reports WHERE appointment_id = ? AND completed_at IS NULL
                ORDER BY updated_at DESC LIMIT 1""", r -> r.string("id"), appointmentId));
    }

    /** The check-in recorded in a report, if any. */
    public Optional<CheckInDto> find(String reportId) {
        return store.db()
                .read(tx -> tx.queryOne(
                                "SELECT check_in FROM visit_reports WHERE id = ?",
                                r -> Optional.ofNullable(
                                        Records.objectFromJson(Adapters.CHECK_IN, r.string("check_in"))),
                                reportId)
                        .flatMap(c -> c));
    }

    /**
     * Records {@code position} (read at {@code at}) in the draft report; refused once the report is completed,
     * and refused when the office would refuse it (an accuracy worse than {@link Limits#MAX_ACCURACY_METERS},
     * coordinates out of range): the report would otherwise be set aside at sync.
     */
    public Outcome<CheckInDto> record(String reportId, Position position, Instant at) {
        if (!enabled()) {
            return Outcome.failed(CoreMessages.get("checkin.disabled"));
        }
        if (Math.abs(position.latitude()) > 90
                || Math.abs(position.longitude()) > 180
                || Double.isNaN(position.latitude())
                || Double.isNaN(position.longitude())) {
            return Outcome.failed(CoreMessages.get("checkin.invalid"));
        }
        Double accuracy = position.accuracyMeters();
        if (accuracy != null
                && (accuracy.isNaN() || accuracy < 0 || Math.round(accuracy) > Limits.MAX_ACCURACY_METERS)) {
            return Outcome.failed(CoreMessages.get("checkin.imprecise", Limits.MAX_ACCURACY_METERS / 1000));
        }
        CheckInDto dto = new CheckInDto(
                Math.round(position.latitude() * 1_000_000),
                Math.round(position.longitude() * 1_000_000),
                position.accuracyMeters() == null ? null : Math.round(position.accuracyMeters()),
                at);
        return store.db().inTransaction(tx -> {
            int n = tx.update(
                    "UPDATE visit_reports SET check_in = ?, updated_at = ? WHERE id = ? AND completed_at IS NULL",
                    Records.objectJson(Adapters.CHECK_IN, dto),
                    at,
                    reportId);
            return n == 1 ? Outcome.ok(dto) : Outcome.failed(CoreMessages.get("visit.frozen"));
        });
    }
}
