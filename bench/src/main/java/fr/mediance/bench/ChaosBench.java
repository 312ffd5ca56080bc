package fr.mediance.bench;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.systemtests.LinkEmulator;
import fr.mediance.systemtests.LinkEmulator.Dir;
import fr.mediance.systemtests.LinkEmulator.Profile;
import fr.mediance.systemtests.RawApi;
import fr.mediance.systemtests.SyncWorld;
import fr.mediance.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bench/run chaos}: 20 tablets (in this JVM, each with its own store, executor and link) each write 50
 * visit reports with 3 photos and sync every 5 reports, then sync until nothing waits, while the server is
 * killed ({@code kill -9}) and restarted and the links are cut at random (seeded schedule). Then the faults
 * stop, every tablet drains what a fault left, and the office's view is reconciled against what the tablets
 * committed: every report and document once, every photo's bytes matching its hash.
 */
final class ChaosBench {
    private static final int CLIENTS = 20;
    private static final int VISITS = 50;
    private static final int PHOTOS = 3;
    private static final long SEED = 424242L;
    /** Small photos keep 3000 captures within the time: 480×360, ≈ 40 kB, kept as taken by the downscaler. */
    private static final int PHOTO_W = 480;

    private static final int PHOTO_H = 360;

    private final Map<String, String> committedDocs = new ConcurrentHashMap<>(); // document id -> sha256
    private final Set<String> committedReports = ConcurrentHashMap.newKeySet();
    private final AtomicInteger syncFailures = new AtomicInteger();

    int run() throws Exception {
        long start = System.nanoTime();
        Path work = Files.createTempDirectory("mediance-bench-chaos");
        try (SyncWorld world = SyncWorld.start(work)) {
            RawApi office = world.api("bureau");
            String before = office.cursorAtEnd();
            List<LinkEmulator> links = new ArrayList<>();
            List<CoreContext> tablets = new ArrayList<>();
            List<ExecutorService> executors = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                LinkEmulator link = world.link(Profile.UNLIMITED, SEED + c);
                ExecutorService ex = Executors.newSingleThreadExecutor();
                executors.add(ex);
                links.add(link);
                tablets.add(world.device(
                        "tablet-" + c,
                        c % 2 == 0 ? "conseil1" : "conseil2",
                        link.baseUrl(),
                        null,
                        b -> b.background(ex)));
            }
            System.out.printf("%d tablets ready after %d s%n", CLIENTS, (System.nanoTime() - start) / 1_000_000_000);

            // Faults, on a seeded schedule, while the tablets work.
            AtomicBoolean working = new AtomicBoolean(true);
            AtomicInteger kills = new AtomicInteger();
            AtomicInteger cuts = new AtomicInteger();
            Thread chaos = new Thread(() -> chaos(world, links, working, kills, cuts), "chaos");
            chaos.setDaemon(true);
            chaos.start();

            ExecutorService workers = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(workers.submit(() -> {
                    work(tablets.get(client), client);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            System.out.printf(
                    "capture under faults done after %d s: %d server kills, %d link cuts so far%n",
                    (System.nanoTime() - start) / 1_000_000_000, kills.get(), cuts.get());

            // Sync under faults: every tablet syncs until nothing waits, while the faults go on.
            done.clear();
            for (int c = 0; c < CLIENTS; c++) {
                CoreContext t = tablets.get(c);
                done.add(workers.submit(() -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
                    while (System.nanoTime() < deadline) {
                        SyncReport r = t.sync().syncNow().join();
                        if (r.ok() && t.sync().status().upToDate()) {
                            return null;
                        }
                        syncFailures.incrementAndGet();
                        sleep(300);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            workers.shutdown();
            working.set(false);
            chaos.join();
            System.out.printf(
                    "sync under faults done after %d s: %d server kills, %d link cuts, %d failed syncs%n",
                    (System.nanoTime() - start) / 1_000_000_000, kills.get(), cuts.get(), syncFailures.get());

            // Calm again: whatever a fault left waiting is sent.
            if (!world.server().isAlive()) {
                world.restartServer();
            }
            links.forEach(LinkEmulator::heal);
            for (int c = 0; c < CLIENTS; c++) {
                drain(tablets.get(c), c);
            }
            System.out.printf("drained after %d s%n", (System.nanoTime() - start) / 1_000_000_000);

            reconcile(office, before);
            for (CoreContext t : tablets) {
                t.close();
            }
            executors.forEach(ExecutorService::shutdownNow);
        }
        System.out.printf("chaos took %d s%n", (System.nanoTime() - start) / 1_000_000_000);
        return 0;
    }

    private void work(CoreContext tablet, int client) {
        List<Resident> residents = tablet.residents().search("", 100);
        if (residents.isEmpty()) {
            throw new IllegalStateException("no resident on tablet " + client);
        }
        for (int v = 0; v < VISITS; v++) {
            Resident r = residents.get((client + v) % residents.size());
            VisitReport draft = tablet.visits().startForResident(r.id()).orElseThrow();
            draft = tablet.visits()
                    .saveDraft(draft.withMedium("home_visit")
                            .withDomains(List.of("budget"))
                            .withSynthesis(
                                    "Visite " + v + " de la tablette " + client + " : courrier et factures examinés.")
                            .withFollowUp("Rappeler")
                            .withVisitAttested(true)
                            .withFollowUpDue(LocalDate.now(CoreContext.PARIS).plusDays(7)))
                    .value();
            for (int p = 0; p < PHOTOS; p++) {
                long seed = SEED * 1_000_000L + client * 10_000L + v * 10L + p;
                Outcome<PhotoItem> photo = tablet.documents()
                        .attach(
                                draft.id(),
                                new CapturedImage(TestImages.bill(PHOTO_W, PHOTO_H, 0.8f, seed), "image/jpeg", "p.jpg"),
                                "facture");
                if (!photo.isOk()) {
                    throw new IllegalStateException("photo refused: " + photo.message());
                }
                committedDocs.put(photo.value().id(), photo.value().sha256());
            }
            Outcome<VisitReport> completed = tablet.visits().complete(draft.id());
            if (!completed.isOk()) {
                throw new IllegalStateException("report not completed: " + completed.message());
            }
            committedReports.add(completed.value().id());
            if (v % 5 == 4) {
                SyncReport s = tablet.sync().syncNow().join();
                if (!s.ok()) {
                    syncFailures.incrementAndGet();
                }
            }
        }
    }

    private void chaos(
            SyncWorld world, List<LinkEmulator> links, AtomicBoolean working, AtomicInteger kills, AtomicInteger cuts) {
        Random random = new Random(SEED);
        long lastKill = System.nanoTime();
        while (working.get()) {
            sleep(500 + random.nextInt(1500));
            if (!working.get()) {
                return;
            }
            int action = random.nextInt(10);
            if (action == 0 && System.nanoTime() - lastKill > TimeUnit.SECONDS.toNanos(15)) {
                world.killServer();
                kills.incrementAndGet();
                sleep(random.nextInt(2000)); // the office is down for a while
                world.restartServer();
                lastKill = System.nanoTime();
            } else if (action < 6) {
                links.get(random.nextInt(links.size())).cutAllNow();
                cuts.incrementAndGet();
            } else {
                // a cut somewhere in the next 1 to 300 kB the tablet sends
                links.get(random.nextInt(links.size())).cutAfter(Dir.UP, 1_000 + random.nextInt(300_000));
                cuts.incrementAndGet();
            }
        }
    }

    private static void drain(CoreContext tablet, int client) {
        for (int attempt = 0; attempt < 30; attempt++) {
            SyncReport r = tablet.sync().syncNow().join();
            if (r.ok() && tablet.sync().status().upToDate()) {
                return;
            }
            sleep(200);
        }
        System.out.printf("tablet %d did not drain: %s%n", client, tablet.sync().status());
    }

    private void reconcile(RawApi office, String before) {
        long t0 = System.nanoTime();
        List<ChangeDto> rows = office.rowsSince(before);
        Map<String, Integer> reportRows = new HashMap<>();
        Map<String, Integer> docRows = new HashMap<>();
        Map<String, String> officeDocs = new HashMap<>();
        for (ChangeDto c : rows) {
            if (c.entity() == EntityType.VISIT_REPORT && !c.deleted()) {
                reportRows.merge(c.entityId(), 1, Integer::sum);
            } else if (c.entity() == EntityType.DOCUMENT && !c.deleted()) {
                docRows.merge(c.entityId(), 1, Integer::sum);
                officeDocs.put(c.entityId(), ((DocumentDto) c.data()).sha256());
            }
        }
        int lost = 0;
        int duplicated = 0;
        int corrupt = 0;
        for (String r : committedReports) {
            if (!reportRows.containsKey(r)) {
                lost++;
            }
        }
        for (String d : committedDocs.keySet()) {
            if (!officeDocs.containsKey(d)) {
                lost++;
            }
        }
        for (Map.Entry<String, Integer> e : reportRows.entrySet()) {
            duplicated += e.getValue() - 1 + (committedReports.contains(e.getKey()) ? 0 : 1);
        }
        for (Map.Entry<String, Integer> e : docRows.entrySet()) {
            duplicated += e.getValue() - 1 + (committedDocs.containsKey(e.getKey()) ? 0 : 1);
        }
        // Every photo's bytes, as the office downloads them, against the hash the tablet computed.
        Set<String> checked = new HashSet<>();
        int photos = 0;
        for (Map.Entry<String, String> d : committedDocs.entrySet()) {
            String officeSha = officeDocs.get(d.getKey());
            if (officeSha == null) {
                continue; // counted as lost
            }
            if (!officeSha.equals(d.getValue())) {
                corrupt++;
                continue;
            }
            if (checked.add(officeSha)) {
                try {
                    byte[] bytes = office.blob(officeSha);
                    if (!TestImages.sha256(bytes).equals(officeSha)) {
                        corrupt++;
                        continue;
                    }
                } catch (IllegalStateException missing) {
                    lost++;
                    continue;
                }
            }
            photos++;
        }
        System.out.printf(
                Locale.ROOT,
                "reconciliation: %d change rows read one by one, %d blobs downloaded, %d s%n",
                rows.size(),
                checked.size(),
                (System.nanoTime() - t0) / 1_000_000_000);
        System.out.printf(
                "committed by the tablets: %d reports, %d photos%n", committedReports.size(), committedDocs.size());
        System.out.printf(
                "RESULT chaos records=%d photos=%d lost=%d duplicated=%d corrupt=%d%n",
                reportRows.size(), photos, lost, duplicated, corrupt);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
