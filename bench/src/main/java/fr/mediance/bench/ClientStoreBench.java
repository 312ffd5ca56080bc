package fr.mediance.bench;

import fr.mediance.app.core.CoreContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * {@code bench/run client-store}: the queries of a counsellor's day on a device holding a big structure's
 * data (see {@link ClientStoreGenerator}), through the app-core services the app calls, then the app's cold
 * start on that device to its first agenda frame.
 */
final class ClientStoreBench {
    static final int WARM_UP = 60;
    static final int RUNS = 400;
    static final int COLD_STARTS = 3;

    /** One operation of the app: run {@code n} uses the n-th input; returns something to keep it honest. */
    record Op(String name, IntFunction<Object> run) {}

    int run() throws Exception {
        LocalDate today = LocalDate.now(CoreContext.PARIS);
        Path device = new ClientStoreGenerator(Path.of("bench", "target"), today).device();

        try (CoreContext core =
                CoreContext.builder(device).clock(Clock.systemUTC()).build()) {
            long t0 = System.nanoTime();
            core.unlock(AppStartup.PIN);
            System.out.printf(
                    "client-store: unlocked in %d ms (PBKDF2 310,000 iterations, open, checks)%n",
                    (System.nanoTime() - t0) / 1_000_000);
            for (Op op : ops(core, today)) {
                measure(op);
            }
        }

        String classpath = AppStartup.appClasspath();
        // as ./run starts the app: with the class-data archive that its first start writes (app/launch)
        long first = AppStartup.launchOnce(classpath, device, "http://127.0.0.1:9", true, true);
        System.out.printf(
                "app run 0 (writes the class-data archive if it is missing or stale): first agenda "
                        + "frame after %d ms%n",
                first);
        long plain = coldStarts(classpath, device, true);
        System.out.printf("RESULT client-store op=cold_start_to_agenda ms=%d%n", plain);
        long noArchive = coldStarts(classpath, device, false);
        System.out.printf("RESULT client-store op=cold_start_to_agenda_no_archive ms=%d%n", noArchive);
        return 0;
    }

    private static long coldStarts(String classpath, Path device, boolean archive) throws Exception {
        long[] cold = new long[COLD_STARTS];
        for (int i = 0; i < COLD_STARTS; i++) {
            cold[i] = AppStartup.launchOnce(classpath, device, "http://127.0.0.1:9", archive, i == 0);
            System.out.printf(
                    "app run %d%s: first agenda frame after %d ms%n",
                    i + 1, archive ? "" : " without the class-data archive", cold[i]);
        }
        return Stats.median(cold);
    }

    private static void measure(Op op) {
        Object sink = null;
        for (int i = 0; i < WARM_UP; i++) {
            sink = op.run().apply(RUNS + i);
        }
        long[] ns = new long[RUNS];
        int results = 0;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            sink = op.run().apply(i);
            ns[i] = System.nanoTime() - t0;
            results += sink instanceof List<?> l ? l.size() : (sink == null ? 0 : 1);
        }
        System.out.printf(
                "client-store: %s %d runs, %.1f results a run on average, max %.2f ms%n",
                op.name(), RUNS, results / (double) RUNS, max(ns) / 1e6);
        System.out.printf(
                "RESULT client-store op=%s p50_ms=%.2f p95_ms=%.2f%n",
                op.name(), Stats.percentile(ns, 50) / 1e6, Stats.percentile(ns, 95) / 1e6);
    }

    private static long max(long[] v) {
        long m = 0;
        for (long x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** The measured operations, each with varied inputs drawn from a seed. */
    static List<Op> ops(CoreContext core, LocalDate today) {
        Random rnd = new Random(7);
        int n = RUNS + WARM_UP;
        List<LocalDate> days = new ArrayList<>();
        while (days.size() < n) {
            LocalDate d = today.minusDays(rnd.nextInt(700)).plusDays(28);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        List<String> searches = searchInputs(rnd, n);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            files.add(ClientStoreGenerator.residentId(rnd.nextInt(ClientStoreGenerator.RESIDENTS)));
        }
        Map<String, IntFunction<Object>> ops = new LinkedHashMap<>();
        ops.put("agenda_day", i -> core.agenda().myDay(days.get(i)));
        ops.put("search", i -> core.residents().search(searches.get(i), 50));
        // what the resident file's view model reads (ResidentFileViewModel.snapshot), code lists aside
        ops.put("open_file", i -> {
            String id = files.get(i);
            List<Object> read = new ArrayList<>();
            read.add(core.residentFiles().file(id).orElseThrow());
            read.add(core.residentFiles().myNote(id));
            read.addAll(core.consents().consents(id));
            read.addAll(core.mandates().mandates(id));
            read.add(core.mandates().protectionBlock(id));
            read.addAll(core.residentFiles().timeline(id));
            // the casework of the file: its case and requests, budget sheets (with the figures of the latest),
            // energy contracts and debts, aid applications
            read.add(core.cases().current(id));
            read.addAll(core.cases().requests(id));
            List<fr.mediance.protocol.BudgetDto> budgets = core.budgets().snapshots(id);
            read.addAll(budgets);
            if (!budgets.isEmpty()) {
                read.add(fr.mediance.protocol.Budgets.figures(budgets.get(0)));
            }
            read.addAll(core.energy().contracts(id));
            read.addAll(core.energy().debts(id));
            read.addAll(core.aids().applications(id));
            // the « Dettes » section: what remains on each debt (plans' instalments and aid paid imputed), the plans
            read.add(core.paymentPlans().balances(id));
            read.addAll(core.paymentPlans().plans(id));
            return read;
        });
        // "Mes suivis" reads the counsellor's open tasks (then groups them: overdue, today, this week, later)
        ops.put("tasks_due", i -> core.tasks().mine());
        List<Op> out = new ArrayList<>();
        ops.forEach((name, run) -> out.add(new Op(name, run)));
        return out;
    }

    /**
     * What counsellors type in the search box: name prefixes with and without accents, phone digits in the
     * spellings they use, file numbers, streets.
     */
    static List<String> searchInputs(Random rnd, int n) {
        List<String> out = new ArrayList<>();
        String[] last = ClientStoreGenerator.LAST_NAMES;
        String[] first = ClientStoreGenerator.FIRST_NAMES;
        String[] streets = ClientStoreGenerator.STREETS;
        while (out.size() < n) {
            int r = rnd.nextInt(ClientStoreGenerator.RESIDENTS);
            String name = last[rnd.nextInt(last.length)];
            out.add(
                    switch (out.size() % 8) {
                        case 0 -> name.substring(0, Math.min(name.length(), 3 + rnd.nextInt(3)));
                        case 1 -> stripAccents(name).toLowerCase(java.util.Locale.ROOT);
                        case 2 ->
                            stripAccents(name.substring(0, Math.min(name.length(), 4))) + " "
                                    + first[rnd.nextInt(first.length)].substring(0, 2);
                        case 3 ->
                            ClientStoreGenerator.phone(r)
                                    .replaceAll("[^0-9]", "")
                                    .substring(0, 6);
                        case 4 -> ClientStoreGenerator.phone(r).substring(0, 8);
                        case 5 -> ClientStoreGenerator.fileNumber(r);
                        case 6 -> streets[rnd.nextInt(streets.length)];
                        default ->
                            stripAccents(first[rnd.nextInt(first.length)])
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .substring(0, 3);
                    });
        }
        return out;
    }

    static String stripAccents(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
