package fr.mediance.systemtests;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.session.SessionState;
import fr.mediance.app.core.sync.DeliveryStatus;
import fr.mediance.app.core.sync.PhotoTransfer;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.sync.SyncStatus;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.EntityType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A client core driven from the command line, in a process of its own, so that system tests can kill it
 * ({@code kill -9}) at any moment of capture and sync (test code: it never ships with the app; {@link
 * HeadlessProcess} starts it) and check afterwards that nothing it reported committed
 * was lost. Every line on standard output is printed (and flushed) only AFTER what it names has committed to
 * the encrypted store; logs go to standard error.
 *
 * <pre>
 * java -cp CLASSPATH fr.mediance.systemtests.HeadlessClient COMMAND --data-dir D --pin 123456 [options]
 *
 *   capture-loop --server URL --user U --password P --visits K --photos-dir DIR [--photos-per-visit 2]
 *       signs in if the directory has no account (else unlocks with the PIN), completes the drafts a killed
 *       run left, then K times: a report for one of the counsellor's residents, its photos (the *.jpg of DIR in
 *       turn), completion, a sync. Prints:
 *         ready user=U
 *         committed photo DOCUMENT_ID SHA256        (the photo and its row are in the store)
 *         committed report REPORT_ID                (completed and queued for the office)
 *         synced result=OK pushed=N photos=N pulled=N
 *         done reports=K
 *   drain [--attempts 60] [--interval-ms 500]
 *       syncs until nothing waits (every change and photo received by the server); prints "drained" (exit 0)
 *       or "not drained pending=N photos=N attention=N" (exit 1).
 *   list
 *       prints "report ID DELIVERY" for every completed report on the device, "photo DOCUMENT_ID SHA256 DELIVERY"
 *       for every photo taken here, then "outbox pending=N photos=N attention=N".
 * Options for every command: --pin-iterations N (PBKDF2 iterations of a NEW PIN, at least 1000; default the
 * product's).
 * </pre>
 * Exit codes: 0 done, 1 failure (French message on standard error), 2 wrong arguments.
 */
final class HeadlessClient {
    private final Map<String, String> options;
    private final PrintStream out;

    private HeadlessClient(Map<String, String> options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command; returns the exit code. */
    static int run(String[] args, PrintStream out) {
        if (args.length == 0 || args[0].equals("--help")) {
            System.err.println("usage : HeadlessClient capture-loop|drain|list --data-dir D --pin NNNNNN [options]");
            return args.length == 0 ? 2 : 0;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("argument inattendu : " + args[i]);
                return 2;
            }
            options.put(args[i].substring(2), args[++i]);
        }
        HeadlessClient client = new HeadlessClient(options, out);
        try {
            return switch (args[0]) {
                case "capture-loop" -> client.captureLoop();
                case "drain" -> client.drain();
                case "list" -> client.list();
                default -> {
                    System.err.println("commande inconnue : " + args[0]);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private String required(String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("option manquante : --" + name);
        }
        return v;
    }

    private int number(String name, int fallback) {
        String v = options.get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("nombre attendu pour --" + name);
        }
    }

    /** Opens the core for --data-dir: unlocks with the PIN, or signs in first when there is no account. */
    private CoreContext open() {
        CoreContext.Builder b =
                CoreContext.builder(Path.of(required("data-dir"))).clock(Clock.systemUTC());
        if (options.containsKey("pin-iterations")) {
            b.pinIterations(number("pin-iterations", 0));
        }
        CoreContext core = b.build();
        try {
            String pin = required("pin");
            if (core.state() == SessionState.NO_ACCOUNT) {
                core.login(required("server"), required("user"), required("password"));
                core.choosePin(pin);
            } else {
                core.unlock(pin);
            }
            return core;
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
    }

    private int captureLoop() {
        int visits = number("visits", 1);
        int perVisit = number("photos-per-visit", 2);
        List<Path> photos = photos(Path.of(required("photos-dir")));
        try (CoreContext core = open()) {
            out.println("ready user="
                    + core.session().account().map(a -> a.username()).orElse("?"));
            sync(core); // the residents and the code lists
            List<Resident> residents = core.residents().search("", 1000);
            for (VisitReport draft : core.visits().drafts()) { // left by a run that was killed
                complete(core, draft);
            }
            if (residents.isEmpty()) {
                throw new IllegalStateException("Aucun résident sur cet appareil : rien à visiter.");
            }
            int photoIndex = 0;
            for (int v = 0; v < visits; v++) {
                Resident r = residents.get(v % residents.size());
                VisitReport draft = core.visits().startForResident(r.id()).orElseThrow();
                draft = fill(core, draft);
                for (int p = 0; p < perVisit && !photos.isEmpty(); p++) {
                    Path file = photos.get(photoIndex++ % photos.size());
                    Outcome<PhotoItem> attached = core.documents()
                            .attach(
                                    draft.id(),
                                    new CapturedImage(
                                            read(file),
                                            "image/jpeg",
                                            file.getFileName().toString()),
                                    "facture");
                    if (!attached.isOk()) {
                        throw new IllegalStateException("Photo refusée : " + attached.message());
                    }
                    out.println("committed photo " + attached.value().id() + " "
                            + attached.value().sha256());
                }
                complete(core, draft);
                sync(core);
            }
            out.println("done reports=" + visits);
            return 0;
        }
    }

    private VisitReport fill(CoreContext core, VisitReport draft) {
        List<CodeItem> domains = core.reference().codes(CodeLists.DOMAIN);
        String domain = domains.isEmpty() ? "budget" : domains.get(0).code();
        Outcome<VisitReport> saved = core.visits()
                .saveDraft(draft.withMedium(CodeLists.MEDIUM_HOME_VISIT)
                        .withDomains(List.of(domain))
                        .withSynthesis("Visite à domicile : courrier et factures examinés.")
                        .withFollowUp("Rappeler dans une semaine")
                        .withVisitAttested(true)
                        .withFollowUpDue(LocalDate.now(CoreContext.PARIS).plusDays(7)));
        if (!saved.isOk()) {
            throw new IllegalStateException("Brouillon non enregistré : " + saved.message());
        }
        return saved.value();
    }

    private void complete(CoreContext core, VisitReport draft) {
        VisitReport ready = draft.synthesis() == null || draft.domains().isEmpty() ? fill(core, draft) : draft;
        Outcome<VisitReport> done = core.visits().complete(ready.id());
        if (!done.isOk()) {
            throw new IllegalStateException("Compte rendu non terminé : " + done.message());
        }
        out.println("committed report " + ready.id());
    }

    private SyncReport sync(CoreContext core) {
        SyncReport r = core.sync().syncNow().join();
        out.println("synced result=" + r.result() + " pushed=" + r.pushed() + " photos=" + r.photosSent() + " pulled="
                + r.pulled());
        return r;
    }

    private int drain() {
        int attempts = number("attempts", 60);
        int interval = number("interval-ms", 500);
        try (CoreContext core = open()) {
            for (int i = 0; i < attempts; i++) {
                SyncReport r = sync(core);
                SyncStatus s = core.sync().status();
                if (r.ok() && s.upToDate()) {
                    out.println("drained");
                    return 0;
                }
                if (r.result() == SyncReport.Result.SESSION_EXPIRED) {
                    break;
                }
                if (r.ok() && s.pendingOperations() == 0 && s.needsAttention() > 0) {
                    break; // only what a person must look at is left
                }
                pause(interval);
            }
            SyncStatus s = core.sync().status();
            out.println("not drained pending=" + s.pendingOperations() + " photos=" + s.pendingPhotos() + " attention="
                    + s.needsAttention());
            return 1;
        }
    }

    private int list() {
        try (CoreContext core = open()) {
            for (String reportId : core.office().receivedReports().stream()
                    .map(r -> r.reportId())
                    .toList()) {
                DeliveryStatus d = core.sync().deliveryOf(EntityType.VISIT_REPORT, reportId);
                out.println("report " + reportId + " " + d.delivery());
            }
            for (VisitReport draft : core.visits().drafts()) {
                out.println("draft " + draft.id());
                for (PhotoTransfer t : core.sync().photoTransfers(draft.id())) {
                    out.println("photo " + t.documentId() + " " + t.sha256() + " " + t.delivery());
                }
            }
            for (String reportId : core.office().receivedReports().stream()
                    .map(r -> r.reportId())
                    .toList()) {
                for (PhotoTransfer t : core.sync().photoTransfers(reportId)) {
                    out.println("photo " + t.documentId() + " " + t.sha256() + " " + t.delivery());
                }
            }
            SyncStatus s = core.sync().status();
            out.println("outbox pending=" + s.pendingOperations() + " photos=" + s.pendingPhotos() + " attention="
                    + s.needsAttention());
            return 0;
        }
    }

    private static List<Path> photos(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> out = new ArrayList<>(files.filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                        return n.endsWith(".jpg") || n.endsWith(".jpeg");
                    })
                    .sorted()
                    .toList());
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("dossier de photos illisible : " + dir);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("photo illisible : " + file.getFileName());
        }
    }

    private static void pause(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrompu");
        }
    }
}
