package fr.mediance.bench;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Limits;
import fr.mediance.systemtests.LinkEmulator;
import fr.mediance.systemtests.LinkEmulator.Dir;
import fr.mediance.systemtests.LinkEmulator.Profile;
import fr.mediance.systemtests.SyncWorld;
import fr.mediance.systemtests.UploadAccounting;
import fr.mediance.systemtests.WireLog;
import fr.mediance.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * {@code bench/run sync-resume}: a 3 MB file uploaded by the tablet over the weak profile (250 kbit/s up,
 * 100 ms), the link cut at 10 random byte positions (seeded) during the upload. Prints the bytes sent again
 * and what a whole-request retry (one POST per file, as ODK Collect and CommCare upload) would have sent on
 * the same link with the same cuts.
 */
final class SyncResumeBench {
    private static final int SIZE = 3_000_000;
    private static final int CUTS = 10;
    private static final long SEED = 20261126L;

    int run() throws Exception {
        Path work = Files.createTempDirectory("mediance-bench-sync-resume");
        try (SyncWorld world = SyncWorld.start(work)) {
            CoreContext coord = world.device("coord", "coord", world.serverUrl());
            String counsellor = SyncWorld.userId(coord, "conseil1");
            List<String> visits = SyncWorld.planVisits(
                    coord, counsellor, 1, LocalDate.now(CoreContext.PARIS).plusDays(1), "R");
            LinkEmulator link = world.link(Profile.UNLIMITED, SEED);
            WireLog wire = new WireLog();
            OkHttpClient http =
                    new OkHttpClient.Builder().addNetworkInterceptor(wire).build();
            CoreContext tablet = world.device("tablet", "conseil1", link.baseUrl(), http, null);

            // 3 MB of incompressible bytes the device keeps as captured (a scanned document: JPEG photos are
            // downscaled at capture), so the upload carries exactly 3 MB, as a full-size phone photo would.
            byte[] file = TestImages.scannedPdf(SIZE, SEED);
            VisitReport report =
                    SyncWorld.completeVisit(tablet, visits.get(0), "Dossier complet numérisé.", List.of(file));
            PhotoItem doc = tablet.documents().photos(report.id()).get(0);

            http.connectionPool().evictAll();
            link.profile(Profile.WEAK);
            wire.clear();
            long up0 = link.upBytes();
            AtomicLong uploadStart = new AtomicLong(-1);
            link.onRequest("POST " + ApiPaths.UPLOADS + " ", 0, () -> {
                uploadStart.set(link.upBytes());
                link.randomCuts(Dir.UP, 60_000, 280_000, CUTS);
            });
            long t0 = System.nanoTime();
            int syncs = 0;
            SyncReport r;
            do {
                r = tablet.sync().syncNow().join();
                syncs++;
            } while (!(r.ok() && tablet.sync().status().upToDate()) && syncs < 200);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!r.ok() || !tablet.sync().status().upToDate()) {
                throw new IllegalStateException("the upload did not complete: " + r.message());
            }
            byte[] held = world.api("bureau").blob(doc.sha256());
            if (!TestImages.sha256(held).equals(TestImages.sha256(file))) {
                throw new IllegalStateException("the office holds other bytes");
            }

            List<Long> cuts = link.cutHistory(Dir.UP);
            if (cuts.size() != CUTS) {
                throw new IllegalStateException("expected " + CUTS + " cuts, got " + cuts.size());
            }
            // A whole-request retry on the same link with the same cuts: each cut loses every byte sent since
            // the previous one (the retry starts from 0), then one full send completes.
            long baseline = SIZE;
            long previous = uploadStart.get();
            for (long c : cuts) {
                baseline += Math.min(c - previous, SIZE);
                previous = c;
            }
            UploadAccounting bytes = UploadAccounting.of(link.upBytes() - up0, wire, SIZE);
            System.out.printf(
                    Locale.ROOT,
                    "weak profile, %d cuts at %s (client bytes since the upload began), " + "%d syncs, %.1f s; %s%n",
                    CUTS,
                    cuts.stream().map(c -> c - uploadStart.get()).toList(),
                    syncs,
                    seconds,
                    bytes);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT sync-resume resent_bytes=%d chunk_bytes=%d " + "restart_baseline_bytes=%d%n",
                    bytes.resent(),
                    Limits.DEFAULT_CHUNK_BYTES,
                    baseline);
        }
        return 0;
    }
}
