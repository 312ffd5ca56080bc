package fr.mediance.bench;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.resident.SqliteResidentService;
import fr.mediance.app.core.session.SessionManager;
import fr.mediance.app.core.store.Database;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.sync.Outbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * {@code bench/run client-store-plans}: on the generated store, the query plans SQLite chooses for the
 * statements behind the benchmark's operations (EXPLAIN QUERY PLAN), and the slowest search inputs. A plan
 * line with {@code SCAN} over a big table and no index is what to look for.
 */
final class ClientStorePlans {
    int run() throws Exception {
        LocalDate today = LocalDate.now(CoreContext.PARIS);
        Path device = new ClientStoreGenerator(Path.of("bench", "target"), today).device();
        StoreHolder store = new StoreHolder();
        SessionManager session = new SessionManager(
                device, Clock.systemUTC(), store, Runnable::run, null, SessionManager.DEFAULT_PIN_ITERATIONS);
        if (!session.unlock(AppStartup.PIN.toCharArray()).isOk()) {
            throw new IllegalStateException("cannot unlock the generated store");
        }
        try {
            Database db = store.db();
            for (String sql : statements()) {
                System.out.println("\n" + sql.strip());
                db.read(tx -> tx.query("EXPLAIN QUERY PLAN " + sql, r -> r.string("detail"), sampleParams(sql)))
                        .forEach(line -> System.out.println("    " + line));
            }
            SqliteResidentService residents = new SqliteResidentService(
                    store, new Outbox(Clock.systemUTC()), session::currentAccount, Clock.systemUTC());
            record Timed(String input, double ms, double maxMs, int results) {}
            List<String> inputs = ClientStoreBench.searchInputs(new Random(7), 400);
            for (String input : inputs) {
                residents.search(input, 50); // warm-up: compiled code, statements, page cache
            }
            List<Timed> timed = new ArrayList<>();
            for (String input : inputs) {
                long[] ns = new long[5];
                int n = 0;
                for (int i = 0; i < ns.length; i++) {
                    long t0 = System.nanoTime();
                    n = residents.search(input, 50).size();
                    ns[i] = System.nanoTime() - t0;
                }
                java.util.Arrays.sort(ns);
                timed.add(new Timed(input, ns[ns.length / 2] / 1e6, ns[ns.length - 1] / 1e6, n));
            }
            timed.sort(Comparator.comparingDouble(Timed::ms).reversed());
            System.out.println("\nslowest searches (median and max of 5 runs each, after a warm-up):");
            timed.stream()
                    .limit(25)
                    .forEach(t -> System.out.printf(
                            "    %7.2f ms (max %7.2f)  %3d results  \"%s\"%n",
                            t.ms(), t.maxMs(), t.results(), t.input()));
        } finally {
            session.lock();
        }
        return 0;
    }

    private static List<String> statements() {
        // the statements of SqliteAgendaService.myDay and SqliteResidentService.search, as written there
        return List.of(
                """
                SELECT a.*, r.first_name, r.last_name, coalesce(u.display_name, u.username) AS counsellor_name,
                  (SELECT v.id FROM visit_reports v WHERE v.appointment_id = a.id
                     ORDER BY v.completed_at IS NULL DESC, v.updated_at DESC LIMIT 1) AS report_id,
                  EXISTS(SELECT 1 FROM outbox o WHERE o.entity = 'appointment' AND o.entity_id = a.id) AS pending
                FROM appointments a LEFT JOIN residents r ON r.id = a.resident_id LEFT JOIN users u ON u.id = a.counsellor_id
                WHERE a.counsellor_id = ? AND a.start_at >= ? AND a.start_at < ? ORDER BY a.start_at, a.id
                """,
                """
                SELECT r.*, EXISTS(SELECT 1 FROM outbox o WHERE o.entity = 'resident' AND o.entity_id = r.id) AS pending
                FROM residents r WHERE r.id IN (SELECT id FROM residents_fts WHERE residents_fts MATCH ?)
                ORDER BY r.last_name COLLATE NOCASE, r.first_name COLLATE NOCASE LIMIT ?
                """,
                "SELECT count(*) FROM documents WHERE blob_state = ?",
                "SELECT sha256 AS h FROM documents WHERE blob_state <> ?");
    }

    private static Object[] sampleParams(String sql) {
        long n = sql.chars().filter(c -> c == '?').count();
        Object[] p = new Object[(int) n];
        for (int i = 0; i < n; i++) {
            p[i] = "x";
        }
        return p;
    }
}
