package fr.mediance.bench;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Limits;
import fr.mediance.systemtests.LinkEmulator;
import fr.mediance.systemtests.LinkEmulator.Profile;
import fr.mediance.systemtests.SyncWorld;
import fr.mediance.systemtests.WireLog;
import fr.mediance.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.OkHttpClient;

/**
 * {@code bench/run sync-day}: one day of a counsellor's work (8 visit reports, 16 photos of documents made
 * from 4000×3000 phone-camera pictures, downscaled on the device at capture) synchronised through the link
 * emulator on three uplink profiles. Compared with the bound: payload bits ÷ uplink rate + minimal round trips
 * × RTT: the TCP handshake, the push, the last photo's receipt and the pull (see bench/README.md for why no
 * protocol can do with fewer).
 */
final class SyncDayBench {
    private static final int VISITS = 8;
    private static final int PHOTOS_PER_VISIT = 2;
    private static final List<Profile> PROFILES = List.of(Profile.RURAL_4G, Profile.OLD_3G, Profile.WEAK);
    private static final String SYNTHESIS = "Mme reçue à domicile avec sa fille. Facture d'électricité de 412,50 € "
            + "impayée, échéance le 28/11 ; relance du fournisseur reçue. Budget examiné : ressources 1 030 € "
            + "(ASPA), charges fixes 780 €. Dossier FSL énergie préparé, pièces photographiées (facture, avis "
            + "d'imposition). Accord pour un échéancier en trois fois à demander au fournisseur.";

    int run() throws Exception {
        Path work = Files.createTempDirectory("mediance-bench-sync-day");
        List<byte[]> originals = new ArrayList<>();
        long originalBytes = 0;
        for (int i = 0; i < VISITS * PHOTOS_PER_VISIT; i++) {
            byte[] photo = TestImages.phonePhoto(4000, 3000, 0.92f, 1000 + i);
            originals.add(photo);
            originalBytes += photo.length;
        }
        System.out.printf(
                Locale.ROOT,
                "16 phone photos 4000x3000: %.1f MB in all (%.2f MB each on average)%n",
                originalBytes / 1e6,
                originalBytes / 1e6 / originals.size());
        // The same day on loopback with no limit first: the time the client and the server spend working,
        // which no link can remove.
        runProfile(work.resolve("unlimited"), Profile.UNLIMITED, originals);
        for (Profile profile : PROFILES) {
            runProfile(work.resolve(profile.name()), profile, originals);
        }
        return 0;
    }

    private void runProfile(Path root, Profile profile, List<byte[]> originals) throws Exception {
        try (SyncWorld world = SyncWorld.start(root)) {
            CoreContext coord = world.device("coord", "coord", world.serverUrl());
            String counsellor = SyncWorld.userId(coord, "conseil1");
            List<String> visits = SyncWorld.planVisits(
                    coord, counsellor, VISITS, LocalDate.now(CoreContext.PARIS).plusDays(1), "J");
            LinkEmulator link = world.link(Profile.UNLIMITED, 7);
            WireLog wire = new WireLog();
            OkHttpClient http =
                    new OkHttpClient.Builder().addNetworkInterceptor(wire).build();
            CoreContext tablet = world.device("tablet", "conseil1", link.baseUrl(), http, null);

            // The day's capture, offline, through the app's own path (photos downscaled at attach).
            long c0 = System.nanoTime();
            List<PhotoItem> photos = new ArrayList<>();
            for (int v = 0; v < VISITS; v++) {
                VisitReport r = SyncWorld.completeVisit(
                        tablet,
                        visits.get(v),
                        SYNTHESIS,
                        originals.subList(v * PHOTOS_PER_VISIT, (v + 1) * PHOTOS_PER_VISIT));
                photos.addAll(tablet.documents().photos(r.id()));
            }
            long captureMs = (System.nanoTime() - c0) / 1_000_000;
            long photoBytes = photos.stream().mapToLong(PhotoItem::sizeBytes).sum();
            System.out.printf(
                    Locale.ROOT,
                    "[%s] captured %d reports, %d photos downscaled to %.0f kB on average "
                            + "(capture with downscaling: %d ms per photo)%n",
                    profile.name(),
                    VISITS,
                    photos.size(),
                    photoBytes / 1e3 / photos.size(),
                    captureMs / photos.size());

            // Back in coverage: a new connection, the profile's link, one sync (more if the link failed).
            http.connectionPool().evictAll();
            link.profile(profile);
            wire.clear();
            long up0 = link.upBytes();
            long down0 = link.downBytes();
            long t0 = System.nanoTime();
            int syncs = 0;
            SyncReport r;
            do {
                r = tablet.sync().syncNow().join();
                syncs++;
            } while (!(r.ok() && tablet.sync().status().upToDate()) && syncs < 20);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!r.ok() || !tablet.sync().status().upToDate()) {
                throw new IllegalStateException("the day did not sync: " + r.message());
            }
            long bytes = link.upBytes() - up0;

            long pushBytes = wire.attempts().stream()
                    .filter(a -> a.status() == 200 && a.path().equals(ApiPaths.SYNC_PUSH))
                    .mapToLong(WireLog.Attempt::bodyBytes)
                    .sum();
            long pushes = wire.attempts().stream()
                    .filter(a -> a.status() == 200 && a.path().equals(ApiPaths.SYNC_PUSH))
                    .count();
            long payload = pushBytes + photoBytes;
            // Round trips no protocol can avoid (bench/README.md): the TCP handshake, each push (its receipt says
            // the reports are safe), one for the photos (the last one's receipt: the receipts before it can be
            // awaited while the next photo's bytes travel), the pull that ends the sync. The bound until 2026-12-07
            // counted one per 256 KiB chunk, then one per photo: printed for comparison.
            long minimalRoundTrips = 1 /* TCP */ + pushes + (photos.isEmpty() ? 0 : 1) + 1 /* the pull */;
            long perPhotoRoundTrips = 1 + pushes + photos.size() + 1;
            long perChunkRoundTrips = 1
                    + pushes
                    + photos.stream()
                            .mapToLong(
                                    p -> (p.sizeBytes() + Limits.DEFAULT_CHUNK_BYTES - 1) / Limits.DEFAULT_CHUNK_BYTES)
                            .sum()
                    + 1;
            double rtt = profile.rtt().toNanos() / 1e9;
            if (profile.up().bitsPerSecond() == 0) {
                System.out.printf(
                        Locale.ROOT,
                        "[%s] the day synced in %.2f s with no link limit (%d requests): " + "client and server work%n",
                        profile.name(),
                        seconds,
                        wire.attempts().size());
                return;
            }
            double bound = payload * 8.0 / profile.up().bitsPerSecond() + minimalRoundTrips * rtt;

            Map<String, Integer> requests = new TreeMap<>();
            for (WireLog.Attempt a : wire.attempts()) {
                String path = a.path().startsWith(ApiPaths.UPLOADS + "/")
                        ? ApiPaths.UPLOADS + "/{id}"
                        : a.path().startsWith(ApiPaths.PREFIX + "/blobs/")
                                        && !a.path().equals(ApiPaths.BLOBS_HELD)
                                ? ApiPaths.PREFIX + "/blobs/{sha}"
                                : a.path();
                requests.merge(a.method() + " " + path, 1, Integer::sum);
            }
            System.out.printf(
                    Locale.ROOT,
                    "[%s] %d sync(s), %d requests %s; request heads %d B, payload %d B "
                            + "(push JSON %d B + photos %d B), down %d B; minimal round trips %d (%.2f s), "
                            + "transfer %.2f s; bound with one round trip per photo %.2f s (ratio %.3f), "
                            + "per 256 KiB chunk %.2f s (ratio %.3f)%n",
                    profile.name(),
                    syncs,
                    wire.attempts().size(),
                    requests,
                    wire.headBytes(),
                    payload,
                    pushBytes,
                    photoBytes,
                    link.downBytes() - down0,
                    minimalRoundTrips,
                    minimalRoundTrips * rtt,
                    payload * 8.0 / profile.up().bitsPerSecond(),
                    bound + (perPhotoRoundTrips - minimalRoundTrips) * rtt,
                    seconds / (bound + (perPhotoRoundTrips - minimalRoundTrips) * rtt),
                    bound + (perChunkRoundTrips - minimalRoundTrips) * rtt,
                    seconds / (bound + (perChunkRoundTrips - minimalRoundTrips) * rtt));
            System.out.printf(
                    Locale.ROOT,
                    "RESULT sync-day profile=%s seconds=%.2f bound_seconds=%.2f ratio=%.3f " + "bytes=%d%n",
                    profile.name(),
                    seconds,
                    bound,
                    seconds / bound,
                    bytes);
        }
    }
}
