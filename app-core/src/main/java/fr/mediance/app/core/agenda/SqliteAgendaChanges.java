package fr.mediance.app.core.agenda;

import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Row;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link AgendaChanges} on the local database: what she saw is kept in {@code agenda_seen_appointments} (migration 21,
 * whose trigger also records her own changes written to the outbox as seen).
 */
public final class SqliteAgendaChanges implements AgendaChanges {

    /** One appointment as it is now or as she saw it. */
    private record State(
            String id,
            String residentId,
            String residentName,
            String counsellorId,
            String counsellorName,
            Instant start,
            Instant end,
            String status,
            String reason,
            boolean locked) {
        boolean cancelled() {
            return AppointmentStatus.CANCELLED_BY_RESIDENT.equals(status)
                    || AppointmentStatus.CANCELLED_BY_STRUCTURE.equals(status);
        }
    }

    private static final String CURRENT = """
            SELECT a.id, a.resident_id, a.counsellor_id, a.start_at, a.end_at, a.status, a.status_reason, a.locked,
              r.first_name, r.last_name, coalesce(u.display_name, u.username) AS counsellor_name
            FROM appointments a
            LEFT JOIN residents r ON r.id = a.resident_id
            LEFT JOIN users u ON u.id = a.counsellor_id
            """;

    private final StoreHolder store;
    private final Supplier<AccountInfo> account;
    private final Clock clock;
    private final ZoneId zone;

    public SqliteAgendaChanges(StoreHolder store, Supplier<AccountInfo> account, Clock clock, ZoneId zone) {
        this.store = Objects.requireNonNull(store);
        this.account = Objects.requireNonNull(account);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
    }

    private Instant startOfToday() {
        return LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
    }

    @Override
    public Since changes() {
        String me = account.get().userId();
        return store.db().inTransaction(tx -> {
            Optional<Instant> seenAt =
                    tx.queryOne("SELECT seen_at FROM agenda_seen WHERE account_id = ?", r -> r.instant("seen_at"), me);
            if (seenAt.isEmpty()) {
                // a device that has received nothing yet waits for its first sync: its whole agenda is not news
                if (tx.setting(fr.mediance.app.core.sync.SyncEngine.SETTING_CURSOR)
                        .isPresent()) {
                    record(tx, me);
                }
                return new Since(null, List.of());
            }
            Instant today = startOfToday();
            Map<String, State> now = new LinkedHashMap<>();
            for (State s : tx.query(
                    CURRENT + " WHERE a.counsellor_id = ? AND a.start_at >= ? ORDER BY a.start_at, a.id",
                    SqliteAgendaChanges::current,
                    me,
                    today)) {
                now.put(s.id(), s);
            }
            Map<String, State> seen = new LinkedHashMap<>();
            for (State s : tx.query("""
                    SELECT s.appointment_id AS id, s.resident_id, s.counsellor_id, s.start_at, s.end_at, s.status,
                      s.status_reason, s.locked, r.first_name, r.last_name, NULL AS counsellor_name
                    FROM agenda_seen_appointments s LEFT JOIN residents r ON r.id = s.resident_id
                    WHERE s.account_id = ? AND s.start_at >= ? ORDER BY s.start_at, s.appointment_id""", SqliteAgendaChanges::current, me, today)) {
                seen.put(s.id(), s);
            }
            List<Change> changes = new ArrayList<>();
            for (State n : now.values()) {
                State before = seen.get(n.id());
                if (before == null) {
                    // an appointment she saw in the past now brought forward is a move, not a new one
                    Optional<State> earlier = tx.queryOne("""
                            SELECT s.appointment_id AS id, s.resident_id, s.counsellor_id, s.start_at, s.end_at,
                              s.status, s.status_reason, s.locked, NULL AS first_name, NULL AS last_name,
                              NULL AS counsellor_name
                            FROM agenda_seen_appointments s WHERE s.account_id = ? AND s.appointment_id = ?""", SqliteAgendaChanges::current, me, n.id());
                    if (earlier.isPresent()
                            && earlier.get().counsellorId() != null
                            && earlier.get().counsellorId().equals(me)) {
                        compare(earlier.get(), n, changes);
                    } else if (!n.cancelled()) {
                        changes.add(change(Kind.NEW, n, null, null));
                    }
                    continue;
                }
                compare(before, n, changes);
            }
            for (State before : seen.values()) {
                if (now.containsKey(before.id())) {
                    continue;
                }
                Optional<State> elsewhere =
                        tx.queryOne(CURRENT + " WHERE a.id = ?", SqliteAgendaChanges::current, before.id());
                if (elsewhere.isEmpty()) {
                    changes.add(new Change(
                            Kind.REMOVED, before.id(), before.residentName(), before.start(), null, null, null));
                } else if (!me.equals(elsewhere.get().counsellorId())) {
                    State other = elsewhere.get();
                    changes.add(new Change(
                            Kind.REASSIGNED,
                            other.id(),
                            other.residentName(),
                            other.start(),
                            before.start().equals(other.start()) ? null : before.start(),
                            other.counsellorName(),
                            null));
                } else {
                    // still hers, moved before today
                    compare(before, elsewhere.get(), changes);
                }
            }
            changes.sort(Comparator.comparing(Change::start).thenComparing(Change::appointmentId));
            return new Since(seenAt.get(), List.copyOf(changes));
        });
    }

    private static void compare(State before, State now, List<Change> out) {
        if (!before.start().equals(now.start())) {
            out.add(change(Kind.MOVED, now, before.start(), null));
        }
        if (now.cancelled() && !before.cancelled()) {
            out.add(change(Kind.CANCELLED, now, null, now.reason()));
        }
        if (now.locked() != before.locked()) {
            out.add(change(now.locked() ? Kind.LOCKED : Kind.UNLOCKED, now, null, null));
        }
    }

    private static Change change(Kind kind, State s, Instant previousStart, String reason) {
        return new Change(kind, s.id(), s.residentName(), s.start(), previousStart, s.counsellorName(), reason);
    }

    @Override
    public void markSeen() {
        String me = account.get().userId();
        store.db().inTransaction(tx -> {
            record(tx, me);
            return null;
        });
    }

    /** Her upcoming appointments as they are now become what she saw, now. */
    private void record(Tx tx, String me) {
        tx.update("DELETE FROM agenda_seen_appointments WHERE account_id = ?", me);
        tx.update("""
                INSERT INTO agenda_seen_appointments(account_id, appointment_id, resident_id, counsellor_id, start_at,
                  end_at, status, status_reason, locked)
                SELECT ?, a.id, a.resident_id, a.counsellor_id, a.start_at, a.end_at, a.status, a.status_reason, a.locked
                FROM appointments a WHERE a.counsellor_id = ? AND a.start_at >= ?""", me, me, startOfToday());
        tx.update(
                "INSERT INTO agenda_seen(account_id, seen_at) VALUES (?, ?) "
                        + "ON CONFLICT(account_id) DO UPDATE SET seen_at = excluded.seen_at",
                me,
                clock.instant());
    }

    private static State current(Row r) {
        String name = Resident.displayName(r.string("last_name"), r.string("first_name"));
        return new State(
                r.string("id"),
                r.string("resident_id"),
                name,
                r.string("counsellor_id"),
                r.string("counsellor_name"),
                r.instant("start_at"),
                r.instant("end_at"),
                r.string("status"),
                r.string("status_reason"),
                r.bool("locked"));
    }
}
