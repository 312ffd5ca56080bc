package fr.mediance.bench;

import fr.mediance.app.core.document.image.PhotoDownscaler;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.app.core.remote.TokenStore;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.RefreshRequest;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.systemtests.ServerProcess;
import fr.mediance.testing.TestImages;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@code bench/run server-load}: 50 and 200 simulated tablets of one structure syncing a day's work at once against
 * the office server running as its own process (its jar), on SQLite and on PostgreSQL. Each tablet speaks through
 * app-core's own HTTP client ({@link RemoteClient}: the Retrofit interface, the protocol's JSON adapters, tus with
 * its checksums) in the order of app-core's sync engine: push, photos (tus), pull. See bench/README.md.
 */
final class ServerLoadBench {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String STRUCTURE = "demo-structure";
    private static final int BASE_PHOTOS = 16;
    /** Photos per report: a home visit and a desk appointment get two (bills, letters), a phone call none. */
    private static final int PHOTOS_PER_REPORT = 2;

    private static final String SYNTHESIS = "Mme reçue à domicile avec sa fille. Facture d'électricité de 412,50 € "
            + "impayée, échéance le 28/11 ; relance du fournisseur reçue. Budget examiné : ressources 1 030 € "
            + "(ASPA), charges fixes 780 €. Dossier FSL énergie préparé, pièces photographiées (facture, avis "
            + "d'imposition). Accord pour un échéancier en trois fois à demander au fournisseur.";

    /** Kinds of requests, as they are counted. */
    enum Kind {
        LOGIN(false),
        REFRESH(true),
        PUSH(true),
        PULL(true),
        BLOBS_HELD(true),
        TUS_OPTIONS(true),
        USERS(true),
        UPLOAD(false),
        VERIFY(false),
        OTHER(false);

        /** Counted in the RESULT line's latencies and ops per second. */
        final boolean sync;

        Kind(boolean sync) {
            this.sync = sync;
        }
    }

    enum Phase {
        LOGIN,
        MORNING,
        EVENING,
        VERIFY
    }

    record Sample(Phase phase, Kind kind, long nanos, int status, long upBytes) {}

    /** Every request the tablets make, timed from sending its head to reading the last byte of its answer. */
    static final class Recorder {
        final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        volatile Phase phase = Phase.LOGIN;

        Response intercept(okhttp3.Interceptor.Chain chain) throws IOException {
            Request req = chain.request();
            Kind kind = kindOf(req);
            long up = req.body() == null ? 0 : Math.max(0, req.body().contentLength());
            long t0 = System.nanoTime();
            Response r;
            try {
                r = chain.proceed(req);
                if (kind != Kind.VERIFY && r.body() != null) {
                    r.body().source().request(Long.MAX_VALUE); // the whole answer read, as the client needs it
                }
            } catch (IOException e) {
                samples.add(new Sample(phase, kind, System.nanoTime() - t0, 0, up));
                throw e;
            }
            samples.add(new Sample(phase, kind, System.nanoTime() - t0, r.code(), up));
            return r;
        }

        static Kind kindOf(Request req) {
            String p = req.url().encodedPath();
            String m = req.method();
            if (p.equals(ApiPaths.LOGIN)) {
                return Kind.LOGIN;
            } else if (p.equals(ApiPaths.REFRESH)) {
                return Kind.REFRESH;
            } else if (p.equals(ApiPaths.SYNC_PUSH)) {
                return Kind.PUSH;
            } else if (p.equals(ApiPaths.SYNC_CHANGES)) {
                return Kind.PULL;
            } else if (p.equals(ApiPaths.BLOBS_HELD)) {
                return Kind.BLOBS_HELD;
            } else if (p.equals(ApiPaths.UPLOADS) && m.equals("OPTIONS")) {
                return Kind.TUS_OPTIONS;
            } else if (p.startsWith(ApiPaths.UPLOADS)) {
                return Kind.UPLOAD;
            } else if (p.equals(ApiPaths.USERS)) {
                return Kind.USERS;
            } else if (p.startsWith(ApiPaths.PREFIX + "/blobs/")) {
                return Kind.VERIFY;
            }
            return Kind.OTHER;
        }
    }

    /** The PostgreSQL database the benchmark may empty, from the environment; null: PostgreSQL is skipped. */
    record Pg(String url, String user, String password) {
        static Pg fromEnv() {
            String url = System.getenv("MEDIANCE_BENCH_PG_URL");
            if (url == null || url.isBlank()) {
                return null;
            }
            return new Pg(url, System.getenv("MEDIANCE_BENCH_PG_USER"), System.getenv("MEDIANCE_BENCH_PG_PASSWORD"));
        }

        /** Drops everything in the schema: each run starts from an empty database, as the SQLite runs do. */
        void empty() throws Exception {
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA public CASCADE");
                s.execute("CREATE SCHEMA public");
            }
        }
    }

    private final String password = "Bench-" + UUID.randomUUID();
    private List<byte[]> photos;

    int run() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getenv()
                        .getOrDefault("MEDIANCE_BENCH_TABLETS", "50,200")
                        .split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        List<String> backends = Arrays.stream(System.getenv()
                        .getOrDefault("MEDIANCE_BENCH_BACKENDS", "sqlite,postgresql")
                        .split(","))
                .map(String::trim)
                .toList();
        Pg pg = Pg.fromEnv();
        photos = basePhotos();
        long total = photos.stream().mapToLong(p -> p.length).sum();
        System.out.printf(
                Locale.ROOT,
                "photos: %d phone photos of bills (4000x3000) downscaled as the app does at capture "
                        + "(PhotoDownscaler, 2000 px, q80): %.0f kB on average; each tablet's copies are made "
                        + "unique (a JPEG comment)%n",
                photos.size(),
                total / 1e3 / photos.size());
        Path work = Files.createTempDirectory("mediance-bench-server-load");
        for (String backend : backends) {
            if (backend.equals("postgresql") && pg == null) {
                System.out.println("postgresql: skipped (set MEDIANCE_BENCH_PG_URL, MEDIANCE_BENCH_PG_USER and "
                        + "MEDIANCE_BENCH_PG_PASSWORD to an empty database the benchmark may wipe)");
                continue;
            }
            for (int n : sizes) {
                runOne(work.resolve(backend + "-" + n), backend, backend.equals("postgresql") ? pg : null, n);
            }
        }
        return 0;
    }

    /** 16 photos of bills as a 12 MP phone takes them, downscaled by the app's own code; cached in bench/target. */
    private static List<byte[]> basePhotos() throws IOException {
        Path dir = Path.of("bench", "target", "server-load-photos-v1");
        Files.createDirectories(dir);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < BASE_PHOTOS; i++) {
            Path f = dir.resolve("photo-" + i + ".jpg");
            if (!Files.exists(f)) {
                byte[] original = TestImages.phonePhoto(4000, 3000, 0.92f, 1000 + i);
                Path tmp = dir.resolve("photo-" + i + ".tmp");
                Files.write(tmp, PhotoDownscaler.downscale(original).jpeg());
                Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            out.add(Files.readAllBytes(f));
        }
        return out;
    }

    /** A copy of a JPEG with a comment segment after its start marker: the same picture, bytes of its own. */
    static byte[] unique(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
        int len = text.length + 2;
        byte[] out = new byte[jpeg.length + 2 + len];
        out[0] = jpeg[0];
        out[1] = jpeg[1];
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xFE;
        out[4] = (byte) (len >> 8);
        out[5] = (byte) len;
        System.arraycopy(text, 0, out, 6, text.length);
        System.arraycopy(jpeg, 2, out, 6 + text.length, jpeg.length - 2);
        return out;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One photo a tablet attached: its bytes are made again when sent (deterministic), only the hash is kept. */
    record Photo(int base, String comment, String sha256, int size) {}

    /** A simulated tablet: one counsellor, one device, its own connection, app-core's client. */
    final class Tablet {
        final int k;
        final String username;
        final String userId;
        final String deviceId;
        final TokenStore tokens = TokenStore.inMemory();
        final RemoteClient client;
        String morningCursor;
        final Map<String, AppointmentDto> appointments = new LinkedHashMap<>();
        final Map<String, Long> versions = new HashMap<>();
        final List<OperationDto> ops = new ArrayList<>();
        final List<Photo> photos = new ArrayList<>();
        /** Operations the server acknowledged (answered, not refused) and photos it received whole. */
        final java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();

        final java.util.Set<String> received = java.util.concurrent.ConcurrentHashMap.newKeySet();
        int rejected;
        final List<String> failures = new ArrayList<>();

        Tablet(int k, String serverUrl, OkHttpClient base) {
            this.k = k;
            this.username = "conseil" + k;
            this.userId = k == 1 ? "demo-conseil1" : k == 2 ? "demo-conseil2" : "demo-conseil" + k;
            this.deviceId = "load-tablet-" + k;
            OkHttpClient own = base.newBuilder()
                    .connectionPool(new ConnectionPool(2, 5, TimeUnit.MINUTES))
                    .build();
            this.client = new RemoteClient(serverUrl, deviceId, tokens, own);
        }

        void fail(String what) {
            synchronized (failures) {
                failures.add(what);
            }
        }

        /**
         * The login, tried again (up to 3 times) when it fails, as the counsellor would tap again: each failure
         * counts as an error, and the evening is still measured with every tablet.
         */
        boolean login() {
            for (int attempt = 0; attempt < 3; attempt++) {
                RemoteResult<LoginResponse> r = client.login(username, password.toCharArray());
                if (r.isOk()) {
                    return true;
                }
                fail("login " + r);
            }
            return false;
        }

        /** The morning's first sync of an enrolled tablet: everything it may see, then the accounts. */
        void morning() {
            if (tokens.accessToken().isEmpty()) {
                return;
            }
            String cursor = null;
            while (true) {
                RemoteResult<ChangesResponse> r = client.changes(cursor, Limits.DEFAULT_CHANGES_PAGE);
                if (!(r instanceof RemoteResult.Ok<ChangesResponse> ok)) {
                    fail("morning pull " + r);
                    return;
                }
                for (ChangeDto c : ok.value().changes()) {
                    versions.put(c.entity().code() + ":" + c.entityId(), c.version());
                    if (c.entity() == EntityType.APPOINTMENT && c.data() instanceof AppointmentDto a) {
                        appointments.put(a.id(), a);
                    }
                }
                String previous = cursor;
                cursor = ok.value().cursor() == null ? previous : ok.value().cursor();
                if (!ok.value().hasMore() || ok.value().changes().isEmpty() && cursor.equals(previous)) {
                    break;
                }
            }
            morningCursor = cursor;
            if (!client.users(null).isOk()) {
                fail("users");
            }
        }

        /**
         * The day written offline, as app-core's visit service queues it when a report is completed: the report
         * (actions, an orientation), its documents, the tasks its actions' rules make, the appointment marked done.
         */
        void writeDay(LocalDate today) {
            Instant now = Instant.now();
            List<AppointmentDto> todays = appointments.values().stream()
                    .filter(a -> a.counsellorId().equals(userId))
                    .filter(a -> LocalDate.ofInstant(a.start(), PARIS).equals(today))
                    .filter(a -> !a.status().equals("done") && !a.status().equals("no_show"))
                    .toList();
            int photoNo = 0;
            for (AppointmentDto a : todays) {
                String reportId = UUID.randomUUID().toString();
                String fslAction = UUID.randomUUID().toString();
                String planAction = UUID.randomUUID().toString();
                String medium = a.type().equals("desk") ? "desk_planned" : a.type();
                VisitReportDto report = new VisitReportDto(
                        reportId,
                        STRUCTURE,
                        a.id(),
                        a.residentId(),
                        userId,
                        medium,
                        List.of("energie", "logement", "budget"),
                        SYNTHESIS,
                        "Rappeler dans une semaine",
                        today.plusDays(7),
                        a.start(),
                        a.end(),
                        null,
                        a.type().equals("home_visit") ? "Domicile" : null,
                        (int) Duration.between(a.start(), a.end()).toMinutes(),
                        List.of("resident"),
                        List.of("energie_cheque", "logement_impaye"),
                        null,
                        List.of(
                                new ActionDto(
                                        fslAction,
                                        "demande_cheque_energie",
                                        "energie",
                                        "Chèque énergie (ASP)",
                                        today,
                                        "pending",
                                        null,
                                        null,
                                        null,
                                        false,
                                        null,
                                        null),
                                new ActionDto(
                                        planAction,
                                        "negociation_echeancier",
                                        "logement",
                                        "Cabinet Provence Gestion",
                                        today,
                                        "pending",
                                        230_000L,
                                        null,
                                        null,
                                        false,
                                        null,
                                        "Proposition de 150 € par mois envoyée au bailleur.")),
                        List.of(new OrientationDto(
                                UUID.randomUUID().toString(),
                                "pcb",
                                "Suivi budgétaire",
                                today,
                                "information_only",
                                false,
                                null)),
                        null,
                        true,
                        null);
                ops.add(op(EntityType.VISIT_REPORT, reportId, report));
                int n = a.type().equals("phone") ? 0 : PHOTOS_PER_REPORT;
                for (int i = 0; i < n; i++) {
                    int base = (k * 3 + photoNo) % BASE_PHOTOS;
                    String comment = "tablet " + k + " photo " + photoNo;
                    byte[] bytes = unique(ServerLoadBench.this.photos.get(base), comment);
                    Photo p = new Photo(base, comment, sha256(bytes), bytes.length);
                    photos.add(p);
                    photoNo++;
                    String docId = UUID.randomUUID().toString();
                    ops.add(op(
                            EntityType.DOCUMENT,
                            docId,
                            new DocumentDto(
                                    docId,
                                    STRUCTURE,
                                    reportId,
                                    a.residentId(),
                                    "facture",
                                    p.sha256(),
                                    "image/jpeg",
                                    p.size(),
                                    a.start().plusSeconds(600L + i * 60L),
                                    today.plusYears(2))));
                }
                ops.add(task(report, planAction, "echeancier_check", "Vérifier le respect de l'échéancier", 15, now));
                ops.add(task(
                        report, fslAction, "cheque_energie_check", "Vérifier la réception du chèque énergie", 30, now));
                AppointmentDto done = new AppointmentDto(
                        a.id(),
                        a.structureId(),
                        a.residentId(),
                        a.counsellorId(),
                        a.type(),
                        a.start(),
                        a.end(),
                        "done",
                        a.address(),
                        a.notes(),
                        null,
                        a.checklist(),
                        a.safetyNotes());
                ops.add(new OperationDto(
                        UUID.randomUUID().toString(),
                        EntityType.APPOINTMENT,
                        a.id(),
                        versions.get(EntityType.APPOINTMENT.code() + ":" + a.id()),
                        false,
                        done,
                        List.of("status", "statusReason")));
            }
        }

        private OperationDto task(
                VisitReportDto report, String sourceId, String rule, String title, int days, Instant now) {
            String id = UUID.randomUUID().toString();
            return op(
                    EntityType.TASK,
                    id,
                    new TaskDto(
                            id,
                            STRUCTURE,
                            report.residentId(),
                            report.id(),
                            userId,
                            title,
                            LocalDate.ofInstant(report.startedAt(), PARIS).plusDays(days),
                            TaskDto.TODO,
                            rule,
                            sourceId,
                            now,
                            null));
        }

        private OperationDto op(EntityType type, String id, EntityDto data) {
            return new OperationDto(UUID.randomUUID().toString(), type, id, null, false, data);
        }

        /** The evening sync, in the order of app-core's SyncEngine.runOnce: push, photos, pull. */
        void evening() {
            if (tokens.refreshToken().isEmpty()) {
                fail("no session: the login failed");
                return;
            }
            // the access token of the morning has expired (15 minutes): the first call renews it
            LoginResponse renewed;
            try {
                retrofit2.Response<LoginResponse> r = client.api()
                        .refresh(new RefreshRequest(tokens.refreshToken().orElseThrow(), deviceId))
                        .execute();
                if (!r.isSuccessful() || r.body() == null) {
                    fail("refresh " + r.code());
                    return;
                }
                renewed = r.body();
            } catch (IOException e) {
                fail("refresh " + e);
                return;
            }
            tokens.update(renewed.accessToken(), renewed.refreshToken());
            for (int from = 0; from < ops.size(); from += Limits.MAX_PUSH_OPERATIONS) {
                List<OperationDto> batch = ops.subList(from, Math.min(ops.size(), from + Limits.MAX_PUSH_OPERATIONS));
                RemoteResult<PushResponse> pushed = client.push(new PushRequest(deviceId, batch));
                if (!(pushed instanceof RemoteResult.Ok<PushResponse> ok)) {
                    fail("push " + pushed);
                    return;
                }
                for (OperationResultDto res : ok.value().results()) {
                    if (res.status() == OpStatus.REJECTED) {
                        rejected++;
                        fail("rejected " + res.code() + " " + res.message());
                    } else {
                        acknowledged.add(res.opId());
                    }
                }
            }
            if (!photos.isEmpty()) {
                RemoteResult<java.util.Set<String>> held =
                        client.blobsHeld(photos.stream().map(Photo::sha256).toList());
                if (!held.isOk()) {
                    fail("blobs held " + held);
                }
                RemoteResult<RemoteClient.TusOptions> options = client.tusOptions();
                if (!(options instanceof RemoteResult.Ok<RemoteClient.TusOptions> o)) {
                    fail("tus options " + options);
                    return;
                }
                int chunk = o.value().chunkSize();
                for (Photo p : photos) {
                    chunk = upload(p, chunk, o.value().maxChunkSize());
                    if (chunk < 0) {
                        return;
                    }
                }
            }
            String cursor = morningCursor;
            while (true) {
                RemoteResult<ChangesResponse> pulled = client.changes(cursor, Limits.DEFAULT_CHANGES_PAGE);
                if (!(pulled instanceof RemoteResult.Ok<ChangesResponse> ok)) {
                    fail("pull " + pulled);
                    return;
                }
                String previous = cursor;
                cursor = ok.value().cursor() == null ? previous : ok.value().cursor();
                if (!ok.value().hasMore() || ok.value().changes().isEmpty() && cursor.equals(previous)) {
                    return;
                }
            }
        }

        /**
         * One photo by tus: created with its first chunk (creation-with-upload), then PATCHes. The chunk starts at the
         * size the server announces and grows fourfold after each chunk up to the largest it accepts, as app-core's
         * ChunkSizer does on a fast link. Answers the chunk size reached, or -1 after a failure.
         */
        private int upload(Photo p, int chunk, int largest) {
            byte[] bytes = unique(ServerLoadBench.this.photos.get(p.base()), p.comment());
            int first = Math.min(chunk, bytes.length);
            RemoteResult<RemoteClient.TusCreated> created =
                    client.tusCreate(p.sha256(), bytes.length, "image/jpeg", "photo.jpg", bytes, first, w -> {});
            if (!(created instanceof RemoteResult.Ok<RemoteClient.TusCreated> c)) {
                fail("tus create " + created);
                return -1;
            }
            long offset = c.value().offset();
            int size = Math.min(largest, chunk * 4);
            if (offset >= bytes.length) {
                received.add(p.sha256());
            }
            while (offset < bytes.length) {
                int len = (int) Math.min(size, bytes.length - offset);
                RemoteResult<Long> patched =
                        client.tusPatch(c.value().uploadUrl(), offset, bytes, (int) offset, len, w -> {});
                if (!(patched instanceof RemoteResult.Ok<Long> ok)) {
                    fail("tus patch " + patched);
                    return -1;
                }
                offset = ok.value();
                size = Math.min(largest, size * 4);
            }
            received.add(p.sha256());
            return size;
        }

        /**
         * Reads back as this tablet what it pushed and uploaded: every record in its pull with what was sent, every
         * photo's blob present (HEAD) and the same bytes (GET, SHA-256). Answers how many are missing or different.
         */
        int lost() {
            if (tokens.accessToken().isEmpty()) {
                return 0; // nothing was pushed
            }
            Map<String, ChangeDto> seen = new HashMap<>();
            String cursor = morningCursor;
            while (true) {
                RemoteResult<ChangesResponse> r = client.changes(cursor, Limits.MAX_CHANGES_PAGE);
                for (int retry = 0; retry < 3 && !r.isOk(); retry++) {
                    r = client.changes(cursor, Limits.MAX_CHANGES_PAGE); // a timeout here is not a loss
                }
                if (!(r instanceof RemoteResult.Ok<ChangesResponse> ok)) {
                    fail("verify pull " + r);
                    return ops.size() + photos.size();
                }
                ok.value().changes().forEach(c -> seen.put(c.entity().code() + ":" + c.entityId(), c));
                String previous = cursor;
                cursor = ok.value().cursor() == null ? previous : ok.value().cursor();
                if (!ok.value().hasMore() || ok.value().changes().isEmpty() && cursor.equals(previous)) {
                    break;
                }
            }
            int lost = 0;
            for (OperationDto op : ops) {
                if (!acknowledged.contains(op.opId())) {
                    continue; // never acknowledged: still on the tablet, sent again at its next sync
                }
                ChangeDto c = seen.get(op.entity().code() + ":" + op.entityId());
                if (c == null || c.deleted() || !same(op.entity(), op.data(), c.data())) {
                    lost++;
                    fail("lost " + op.entity().code() + " " + op.entityId());
                }
            }
            for (Photo p : photos) {
                if (!received.contains(p.sha256())) {
                    continue;
                }
                RemoteResult<Boolean> exists = client.blobExists(p.sha256());
                for (int retry = 0; retry < 3 && !exists.isOk(); retry++) {
                    exists = client.blobExists(p.sha256());
                }
                RemoteResult<byte[]> got = client.getBlob(p.sha256()); // checked against the hash by the client
                for (int retry = 0; retry < 3 && got instanceof RemoteResult.NetworkError<byte[]>; retry++) {
                    got = client.getBlob(p.sha256());
                }
                if (!(exists instanceof RemoteResult.Ok<Boolean> e && e.value())
                        || !(got instanceof RemoteResult.Ok<byte[]> g && g.value().length == p.size())) {
                    lost++;
                    fail("lost photo " + p.sha256());
                }
            }
            return lost;
        }
    }

    /** What was pushed is what the server gives back (the fields the tablet set; the server may add none). */
    private static boolean same(EntityType type, EntityDto sent, EntityDto got) {
        if (sent instanceof AppointmentDto a) {
            return got instanceof AppointmentDto b && "done".equals(b.status()) && a.id().equals(b.id());
        }
        return sent.equals(got)
                || got != null
                        && MedianceJson.gson()
                                .toJson(new ChangeDto(type, "x", 0, false, sent), ChangeDto.class)
                                .equals(MedianceJson.gson()
                                        .toJson(new ChangeDto(type, "x", 0, false, got), ChangeDto.class));
    }

    private void runOne(Path root, String backend, Pg pg, int n) throws Exception {
        Files.createDirectories(root);
        Map<String, String> env = new HashMap<>();
        env.put("MEDIANCE_DEMO_PASSWORD", password);
        List<String> serverOptions = new ArrayList<>(List.of("--demo-counsellors", Integer.toString(Math.max(2, n))));
        if (pg != null) {
            pg.empty();
            serverOptions.add("--database-url");
            serverOptions.add(pg.url());
            if (pg.user() != null) {
                env.put("MEDIANCE_DATABASE_USER", pg.user());
            }
            if (pg.password() != null) {
                env.put("MEDIANCE_DATABASE_PASSWORD", pg.password());
            }
        }
        List<String> javaOptions = new ArrayList<>();
        String extra = System.getenv("MEDIANCE_BENCH_SERVER_JAVA_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            for (String o : extra.trim().split("\\s+")) {
                javaOptions.add(o.replace("{run}", backend + "-" + n));
            }
        }
        String label = "[" + backend + " " + n + " tablets]";
        String load0 = loadAverage();
        try (ServerProcess server =
                ServerProcess.start(root.resolve("data"), 0, javaOptions, serverOptions, env, Duration.ofMinutes(3))) {
            Recorder rec = new Recorder();
            OkHttpClient base = RemoteClient.defaultHttpClient()
                    .newBuilder()
                    .addNetworkInterceptor(rec::intercept)
                    .build();
            String url = server.baseUrl().toString();
            List<Tablet> tablets = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                tablets.add(new Tablet(k, url, base));
            }
            ExecutorService pool = Executors.newFixedThreadPool(n, daemon());
            try {
                // 1. Logins, all at once (a tablet logs in at enrolment and after a revocation; it renews its
                // token every day without the password): Argon2id, measured apart.
                rec.phase = Phase.LOGIN;
                long l0 = System.nanoTime();
                long s0 = serverCpuNanos(server.pid());
                all(pool, tablets, Tablet::login);
                double loginSeconds = (System.nanoTime() - l0) / 1e9;
                double loginServerCpu = (serverCpuNanos(server.pid()) - s0) / 1e9;
                // 2. The morning: each tablet's first pull of what it may see, all at once.
                rec.phase = Phase.MORNING;
                long m0 = System.nanoTime();
                all(pool, tablets, t -> {
                    t.morning();
                    return true;
                });
                double morningSeconds = (System.nanoTime() - m0) / 1e9;
                LocalDate today = LocalDate.now(PARIS);
                tablets.forEach(t -> t.writeDay(today));
                int records = tablets.stream().mapToInt(t -> t.ops.size()).sum();
                int photoCount = tablets.stream().mapToInt(t -> t.photos.size()).sum();
                long photoBytes = tablets.stream()
                        .flatMap(t -> t.photos.stream())
                        .mapToLong(Photo::size)
                        .sum();
                // 3. The evening: every tablet syncs its day at the same moment. This is what RESULT measures.
                rec.phase = Phase.EVENING;
                String loadEvening0 = loadAverage();
                long e0 = System.nanoTime();
                long se0 = serverCpuNanos(server.pid());
                long ce0 = clientCpuNanos();
                all(pool, tablets, t -> {
                    t.evening();
                    return true;
                });
                double eveningSeconds = (System.nanoTime() - e0) / 1e9;
                double eveningServerCpu = (serverCpuNanos(server.pid()) - se0) / 1e9;
                double eveningClientCpu = (clientCpuNanos() - ce0) / 1e9;
                String loadEvening1 = loadAverage();
                // 4. Read back, as each tablet, what it pushed and uploaded.
                rec.phase = Phase.VERIFY;
                ExecutorService few = Executors.newFixedThreadPool(4, daemon());
                int lost = 0;
                try {
                    List<Future<Integer>> lostPerTablet = new ArrayList<>();
                    for (Tablet t : tablets) {
                        lostPerTablet.add(few.submit(t::lost));
                    }
                    for (Future<Integer> f : lostPerTablet) {
                        lost += f.get();
                    }
                } finally {
                    few.shutdownNow();
                }

                List<Sample> samples = new ArrayList<>(rec.samples);
                Map<Phase, Integer> errorsByPhase = new EnumMap<>(Phase.class);
                for (Sample s : samples) {
                    if (s.status() == 0 || s.status() >= 400) {
                        errorsByPhase.merge(s.phase(), 1, Integer::sum);
                    }
                }
                int rejected = tablets.stream().mapToInt(t -> t.rejected).sum();
                int unsentOps = tablets.stream()
                        .mapToInt(t -> t.ops.size() - t.acknowledged.size() - t.rejected)
                        .sum();
                int unsentPhotos = tablets.stream()
                        .mapToInt(t -> t.photos.size() - t.received.size())
                        .sum();
                int errors = errorsByPhase.values().stream()
                                .mapToInt(Integer::intValue)
                                .sum()
                        + rejected;
                List<Sample> sync = samples.stream()
                        .filter(s -> s.phase() == Phase.EVENING && s.kind().sync)
                        .toList();
                List<Sample> uploads = samples.stream()
                        .filter(s -> s.phase() == Phase.EVENING && s.kind() == Kind.UPLOAD)
                        .toList();
                List<Sample> logins =
                        samples.stream().filter(s -> s.kind() == Kind.LOGIN).toList();
                List<Sample> morning =
                        samples.stream().filter(s -> s.phase() == Phase.MORNING).toList();

                System.out.printf(
                        Locale.ROOT,
                        "%s load average before %s, evening %s -> %s%n",
                        label,
                        load0,
                        loadEvening0,
                        loadEvening1);
                System.out.printf(
                        Locale.ROOT,
                        "%s logins: %d at once in %.1f s, p50 %s p99 %s max %s ms (server CPU %.1f s: Argon2id)%n",
                        label,
                        logins.size(),
                        loginSeconds,
                        ms(logins, 50),
                        ms(logins, 99),
                        ms(logins, 100),
                        loginServerCpu);
                System.out.printf(
                        Locale.ROOT,
                        "%s morning first pull: %d requests in %.1f s, p50 %s p99 %s ms%n",
                        label,
                        morning.size(),
                        morningSeconds,
                        ms(morning, 50),
                        ms(morning, 99));
                System.out.printf(
                        Locale.ROOT,
                        "%s evening: %d records pushed, %d photos (%.1f MB) in %.1f s; server CPU %.1f s, "
                                + "client CPU %.1f s (2 cores: %.0f core-seconds available)%n",
                        label,
                        records,
                        photoCount,
                        photoBytes / 1e6,
                        eveningSeconds,
                        eveningServerCpu,
                        eveningClientCpu,
                        eveningSeconds * Runtime.getRuntime().availableProcessors());
                Map<Kind, List<Sample>> byKind = new TreeMap<>();
                for (Sample s : samples) {
                    if (s.phase() == Phase.EVENING) {
                        byKind.computeIfAbsent(s.kind(), x -> new ArrayList<>()).add(s);
                    }
                }
                byKind.forEach((kind, list) -> System.out.printf(
                        Locale.ROOT,
                        "%s   %-11s %5d requests  p50 %8s  p99 %8s  max %8s ms%n",
                        label,
                        kind.name().toLowerCase(Locale.ROOT),
                        list.size(),
                        ms(list, 50),
                        ms(list, 99),
                        ms(list, 100)));
                if (!uploads.isEmpty()) {
                    long upBytes = uploads.stream().mapToLong(Sample::upBytes).sum();
                    double upSeconds = uploads.stream().mapToLong(Sample::nanos).sum() / 1e9;
                    System.out.printf(
                            Locale.ROOT,
                            "%s   uploads (POST with the first chunk, PATCH): %.1f MB in %d requests, %.0f kB each "
                                    + "on average; %.0f ms per MB of request time; %.1f MB/s summed over tablets%n",
                            label,
                            upBytes / 1e6,
                            uploads.size(),
                            upBytes / 1e3 / uploads.size(),
                            upSeconds * 1e3 / (upBytes / 1e6),
                            upBytes / 1e6 / eveningSeconds);
                }
                if (errors > 0) {
                    System.out.printf(
                            Locale.ROOT,
                            "%s errors by phase %s, rejected operations %d%n",
                            label,
                            errorsByPhase,
                            rejected);
                }
                tablets.stream()
                        .filter(t -> !t.failures.isEmpty())
                        .limit(5)
                        .forEach(t -> System.out.println(label + " " + t.username + ": "
                                + t.failures.subList(0, Math.min(3, t.failures.size()))));
                System.out.printf(
                        Locale.ROOT,
                        "RESULT server-load backend=%s tablets=%d ops_per_s=%.1f p50_ms=%s p99_ms=%s errors=%d lost=%d%n",
                        backend,
                        n,
                        sync.size() / eveningSeconds,
                        ms(sync, 50),
                        ms(sync, 99),
                        errors,
                        lost);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static <T> void all(ExecutorService pool, List<Tablet> tablets, java.util.function.Function<Tablet, T> work)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger ready = new AtomicInteger();
        List<Future<T>> done = new ArrayList<>();
        for (Tablet t : tablets) {
            done.add(pool.submit(() -> {
                ready.incrementAndGet();
                start.await();
                return work.apply(t);
            }));
        }
        while (ready.get() < tablets.size()) {
            Thread.onSpinWait();
        }
        start.countDown();
        for (Future<T> f : done) {
            f.get(15, TimeUnit.MINUTES);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "tablet");
            t.setDaemon(true);
            return t;
        };
    }

    private static String ms(List<Sample> samples, int p) {
        if (samples.isEmpty()) {
            return "-";
        }
        long[] nanos = samples.stream().mapToLong(Sample::nanos).toArray();
        return String.format(Locale.ROOT, "%.1f", Stats.percentile(nanos, p) / 1e6);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + "/" + f[1] + "/" + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** CPU time of the server process (user + system), from /proc; 0 where there is none. */
    private static long serverCpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 10_000_000L; // USER_HZ 100
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long clientCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }
}
