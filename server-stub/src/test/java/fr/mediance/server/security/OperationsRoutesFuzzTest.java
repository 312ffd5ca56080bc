package fr.mediance.server.security;

import static fr.mediance.server.security.FuzzHttp.assertAnswered;
import static fr.mediance.server.security.FuzzHttp.line;
import static fr.mediance.server.security.FuzzHttp.q;
import static fr.mediance.server.security.FuzzHttp.segment;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Audit;
import fr.mediance.protocol.AuditEventDto;
import fr.mediance.protocol.AuditPage;
import fr.mediance.protocol.BlobsHeldResponse;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.RightsRequestDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.TestServer;
import fr.mediance.server.blob.SafeTypes;
import fr.mediance.server.demo.DemoSeeder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * The operations routes through real HTTP, as each role, whatever the request: the audit log's journal (filters and
 * paging), the register of GDPR rights requests (record, update, answer, erase) and the retention run, the export of
 * everything held about a resident (PDF, HTML, JSON, zip), and the blob routes with odd hashes ({@code POST
 * /blobs/held}, {@code PUT}, {@code HEAD}, {@code GET} and the thumbnail). Besides the invariants of every answer
 * ({@link FuzzHttp#assertAnswered}): who may not gets a 403, a refusal writes nothing (no request, no anonymised
 * file, no audit event), what is answered fits what was asked (a journal page its filters and its size, an export its
 * format and a file name that cannot escape), and what is stored keeps every character it was sent.
 */
class OperationsRoutesFuzzTest {
    static final Pattern RESIDENT = Pattern.compile("\\$R([1-8])");
    static final String TODAY = "2026-11-26";

    static Path dir;
    static TestServer server;
    static FuzzHttp http;
    static Map<String, String> tokens;
    static final Map<String, String> ids = Map.of(
            "conseil1", DemoSeeder.CONSEIL1,
            "conseil2", DemoSeeder.CONSEIL2,
            "coord", DemoSeeder.COORD,
            "bureau", DemoSeeder.BUREAU,
            "admin", "admin");
    /** A blob conseil1 sent. */
    static String blob;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("mediance-fuzz-operations");
        server = TestServer.demoCopy(dir);
        http = new FuzzHttp(server);
        tokens = Map.of(
                "conseil1", server.token("conseil1"),
                "conseil2", server.token("conseil2"),
                "coord", server.token("coord"),
                "bureau", server.token("bureau"),
                "admin", server.token("admin"));
        byte[] bytes = "%PDF-1.4 un justificatif de la démonstration".getBytes(StandardCharsets.UTF_8);
        blob = sha256(bytes);
        // before any fuzzed input: Jazzer's agent (and its network guard) is not installed yet
        TestServer.Response put = server.send(server.request(ApiPaths.blob(blob), tokens.get("conseil1"))
                .header(ApiPaths.HEADER_CONTENT_SHA256, blob)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        assertThat(put.status()).as(put.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
        server.db.close();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text with {@code $R1}…{@code $R8} (the demo's residents), {@code $TODAY} and {@code $BLOB} filled in. */
    static String expand(String s) {
        Matcher m = RESIDENT.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, DemoSeeder.residentId(Integer.parseInt(m.group(1))));
        }
        m.appendTail(b);
        return b.toString().replace("$TODAY", TODAY).replace("$BLOB", blob);
    }

    /** A query parameter, absent for {@code -} or a missing line. */
    static void param(StringBuilder query, String name, String[] lines, int i) {
        String v = line(lines, i, "-");
        if (!v.equals("-")) {
            query.append(query.indexOf("?") < 0 ? '?' : '&')
                    .append(name)
                    .append('=')
                    .append(q(expand(v)));
        }
    }

    /**
     * Lines: who reads, then {@code resident}, {@code account}, {@code action}, {@code from}, {@code to},
     * {@code before}, {@code limit} ({@code -}: absent).
     */
    @FuzzTest(maxDuration = "3m")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void auditJournalAnswersItsFiltersOrA400(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        String who = FuzzHttp.caller(lines[0]);
        StringBuilder query = new StringBuilder(ApiPaths.AUDIT);
        param(query, ApiPaths.PARAM_RESIDENT, lines, 1);
        param(query, ApiPaths.PARAM_ACCOUNT, lines, 2);
        param(query, ApiPaths.PARAM_ACTION, lines, 3);
        param(query, ApiPaths.PARAM_FROM, lines, 4);
        param(query, ApiPaths.PARAM_TO, lines, 5);
        param(query, ApiPaths.PARAM_BEFORE, lines, 6);
        param(query, ApiPaths.PARAM_LIMIT, lines, 7);
        long events = server.app.auditEventCount();
        FuzzHttp.Answer r = http.get(query.toString(), tokens.get(who));
        assertAnswered(r, text);
        if (FuzzHttp.ROLES.get(who) != Role.ADMIN) {
            FuzzHttp.assertForbidden(r);
        }
        if (r.status() >= 400) {
            assertThat(server.app.auditEventCount()).isEqualTo(events);
            return;
        }
        assertThat(r.status()).isEqualTo(200);
        assertThat(server.app.auditEventCount()).isEqualTo(events + 1); // the reading itself
        AuditPage page = MedianceJson.gson().fromJson(r.body(), AuditPage.class);
        String limit = line(lines, 7, "-");
        int max = Audit.MAX_PAGE;
        if (!limit.equals("-") && !limit.isEmpty()) {
            max = (int) Math.min(max, Long.parseLong(limit.strip().replace("+", "")));
        } else {
            max = Audit.DEFAULT_PAGE;
        }
        assertThat(page.events()).hasSizeLessThanOrEqualTo(max);
        if (page.next() != null) {
            assertThat(Long.parseLong(page.next())).isPositive();
        }
        String resident = expand(line(lines, 1, "-"));
        String account = expand(line(lines, 2, "-"));
        String action = line(lines, 3, "-");
        for (AuditEventDto e : page.events()) {
            if (!resident.equals("-") && !resident.isEmpty()) {
                assertThat(e.residentId()).isEqualTo(resident);
            }
            if (!account.equals("-") && !account.isEmpty()) {
                assertThat(List.of(String.valueOf(e.accountId()), String.valueOf(e.accountName())))
                        .contains(account);
            }
            if (!action.equals("-") && !action.isEmpty()) {
                assertThat(e.action()).isEqualTo(action);
            }
        }
    }

    /** Every rights request as one line, and the anonymised files: what a refused request must leave as it was. */
    static String register() {
        return server.sql("SELECT COUNT(*) || ':' || COALESCE(group_concat(id || '|' || status || '|' || "
                        + "received_on || '|' || extended || '|' || COALESCE(answer, '') || '|' || "
                        + "COALESCE(answered_on, '') || '|' || COALESCE(extension_reason, ''), '/'), '') "
                        + "FROM (SELECT * FROM rights_requests ORDER BY id)")
                + " " + server.sql("SELECT COUNT(*) FROM residents WHERE anonymised_at IS NOT NULL");
    }

    /**
     * Line 1: who calls; line 2: the route ({@code list}, {@code create}, {@code update}, {@code erase},
     * {@code run}); line 3: the request's id in the address ({@code last}: the latest recorded); the rest: the JSON
     * body ({@code $R1}: a demo resident, {@code $TODAY}).
     */
    @FuzzTest(maxDuration = "3m")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void rightsRequestsWriteNothingRefused(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", 4);
        String who = FuzzHttp.caller(lines[0]);
        String token = tokens.get(who);
        String action = line(lines, 1, "create").strip();
        String target = line(lines, 2, "last");
        if (target.strip().equals("last")) {
            String last = server.sql("SELECT id FROM rights_requests ORDER BY created_at DESC, id LIMIT 1");
            target = last == null ? "none" : last;
        }
        String body = expand(line(lines, 3, ""));
        String before = register();
        long events = server.app.auditEventCount();
        FuzzHttp.Answer r = switch (action) {
            case "list" -> http.get(ApiPaths.GDPR_REQUESTS, token);
            case "update" -> http.json("PUT", ApiPaths.gdprRequest(segment(target)), token, body);
            case "erase" ->
                http.send(http.request(ApiPaths.gdprRequest(segment(target)) + "/erase", token)
                        .POST(HttpRequest.BodyPublishers.noBody()));
            case "run" ->
                http.send(http.request(ApiPaths.GDPR_RETENTION_RUN, token).POST(HttpRequest.BodyPublishers.noBody()));
            default -> http.json("POST", ApiPaths.GDPR_REQUESTS, token, body);
        };
        assertAnswered(r, text);
        Role role = FuzzHttp.ROLES.get(who);
        boolean allowed = switch (action) {
            case "erase" -> role == Role.OFFICE || role == Role.ADMIN;
            case "run" -> role == Role.ADMIN;
            default -> role != Role.COUNSELLOR;
        };
        if (!allowed) {
            FuzzHttp.assertForbidden(r);
        }
        if (r.status() >= 400) {
            assertThat(register()).isEqualTo(before);
            assertThat(server.app.auditEventCount()).isEqualTo(events);
            return;
        }
        if (action.equals("create") || action.equals("update")) {
            RightsRequestDto saved = MedianceJson.gson().fromJson(r.body(), RightsRequestDto.class);
            assertThat(Limits.isValidId(saved.id())).as("id %s", saved.id()).isTrue();
            // what was sent is what is kept, character for character
            JsonObject sent = JsonParser.parseString(body).getAsJsonObject();
            for (String field : List.of("answer", "extensionReason")) {
                JsonElement e = sent.get(field);
                String column = field.equals("answer") ? "answer" : "extension_reason";
                String stored = server.sql("SELECT " + column + " FROM rights_requests WHERE id = ?", saved.id());
                if (e != null && !e.isJsonNull()) {
                    assertThat(stored).isEqualTo(e.getAsString());
                }
            }
            assertThat(saved.dueOn()).isAfter(saved.receivedOn());
        }
    }

    /** A new resident of the demo structure with the fuzzed texts, pushed by the coordination; answers its id. */
    static String newResident(String[] texts) {
        String id = "fz-" + UUID.randomUUID();
        JsonObject data = new JsonObject();
        data.addProperty("id", id);
        data.addProperty("structureId", DemoSeeder.STRUCTURE_ID);
        data.addProperty("lastName", texts.length > 0 ? texts[0] : "Fuzz");
        if (texts.length > 1) {
            data.addProperty("firstName", texts[1]);
        }
        if (texts.length > 2) {
            data.addProperty("fileNumber", texts[2]);
        }
        if (texts.length > 3) {
            data.addProperty("accessNotes", texts[3]);
        }
        if (texts.length > 4) {
            data.addProperty("synthesis", texts[4]);
        }
        data.addProperty("city", "Marseille");
        data.addProperty("referentId", DemoSeeder.CONSEIL1);
        JsonObject op = new JsonObject();
        op.addProperty("opId", UUID.randomUUID().toString());
        op.addProperty("entity", "resident");
        op.addProperty("entityId", id);
        op.add("data", data);
        JsonArray ops = new JsonArray();
        ops.add(op);
        JsonObject push = new JsonObject();
        push.addProperty("deviceId", "tablette-export");
        push.add("operations", ops);
        FuzzHttp.Answer r = http.json(
                "POST",
                ApiPaths.SYNC_PUSH,
                tokens.get("coord"),
                MedianceJson.gson().toJson(push));
        assertAnswered(r, String.join("\n", texts));
        return id;
    }

    static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "html", "text/html",
            "json", "application/json",
            "zip", "application/zip");

    /**
     * Line 1: who exports; line 2: the format ({@code -}: none); line 3: the resident ({@code new}: a new one with
     * the texts below, pushed first; {@code $R1}…; or any text); the rest, one per line: the new resident's last
     * name, first name, file number, access notes and synthesis.
     */
    @FuzzTest(maxDuration = "3m")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void residentExportAnswersItsFormatOnly(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        String who = FuzzHttp.caller(lines[0]);
        String format = line(lines, 1, "-");
        String resident = line(lines, 2, "new");
        String[] texts = lines.length > 3 ? java.util.Arrays.copyOfRange(lines, 3, lines.length) : new String[0];
        String id = resident.strip().equals("new") ? newResident(texts) : expand(resident);
        long events = server.app.auditEventCount();
        String path = ApiPaths.residentExport(segment(id)) + (format.equals("-") ? "" : "?format=" + q(format));
        FuzzHttp.Answer r = http.get(path, tokens.get(who));
        assertAnswered(r, text);
        if (FuzzHttp.ROLES.get(who) == Role.COUNSELLOR) {
            FuzzHttp.assertForbidden(r);
        }
        if (r.status() >= 400) {
            assertThat(server.app.auditEventCount()).isEqualTo(events);
            return;
        }
        assertThat(r.status()).isEqualTo(200);
        assertThat(server.app.auditEventCount()).isEqualTo(events + 1);
        String f = format.equals("-") || format.isEmpty() ? "pdf" : format;
        assertThat(TYPES).containsKey(f);
        assertThat(r.header("Content-Type")).startsWith(TYPES.get(f));
        assertThat(r.header("Content-Disposition"))
                .matches("attachment; filename=\"export-[A-Za-z0-9._-]+\\." + f + "\"");
        switch (f) {
            case "pdf" -> assertThat(r.body()).startsWith("%PDF-");
            case "json" ->
                assertThat(JsonParser.parseString(r.body()).getAsJsonObject().get("resident"))
                        .isNotNull();
            case "html" ->
                assertThat(r.body().toLowerCase(java.util.Locale.ROOT))
                        .doesNotContain("<script", "<img", "<iframe", "<svg", "<a ");
            default ->
                assertThat(zipEntries(r.bytes()))
                        .isNotEmpty()
                        .allMatch(n -> !n.startsWith("/") && !n.contains("../") && !n.contains("\\"));
        }
    }

    static List<String> zipEntries(byte[] bytes) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                names.add(e.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static final Set<String> SAFE =
            Set.of("image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf", SafeTypes.OTHER);

    /**
     * Line 1: who calls; line 2: the route ({@code held}, {@code put}, {@code head}, {@code get},
     * {@code thumbnail}); line 3: the hash in the address, or for {@code held} the hashes, comma-separated (a line
     * that starts with <code>{</code>: the body as it is, with the rest); the rest: the bytes of a {@code PUT}.
     * {@code $BLOB}: a blob conseil1 sent.
     */
    @FuzzTest(maxDuration = "3m")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void blobRoutesAnswerOddHashes(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", 4);
        String who = FuzzHttp.caller(lines[0]);
        String token = tokens.get(who);
        String route = line(lines, 1, "held").strip();
        String sha = expand(line(lines, 2, ""));
        byte[] bytes = line(lines, 3, "").getBytes(StandardCharsets.ISO_8859_1);
        long uploads = server.count("SELECT COUNT(*) FROM blob_uploads");
        FuzzHttp.Answer r;
        List<String> asked = new ArrayList<>();
        switch (route) {
            case "put" ->
                r = http.send(http.request(ApiPaths.PREFIX + "/blobs/" + segment(sha), token)
                        .header(
                                ApiPaths.HEADER_CONTENT_SHA256,
                                FuzzHttp.headerValue(sha).isEmpty() ? "-" : FuzzHttp.headerValue(sha))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
            case "head" ->
                r = http.send(http.request(ApiPaths.PREFIX + "/blobs/" + segment(sha), token)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            case "get" -> r = http.get(ApiPaths.PREFIX + "/blobs/" + segment(sha), token);
            case "thumbnail" -> r = http.get(ApiPaths.PREFIX + "/blobs/" + segment(sha) + "/thumbnail", token);
            default -> {
                String body;
                if (sha.startsWith("{")) {
                    body = new String(
                            (sha + "\n" + line(lines, 3, "")).getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.UTF_8);
                } else {
                    JsonArray a = new JsonArray();
                    for (String s : sha.split(",", -1)) {
                        a.add(s);
                        asked.add(s);
                    }
                    JsonObject o = new JsonObject();
                    o.add("sha256s", a);
                    body = MedianceJson.gson().toJson(o);
                }
                r = http.json("POST", ApiPaths.BLOBS_HELD, token, body);
            }
        }
        assertAnswered(r, text);
        Role role = FuzzHttp.ROLES.get(who);
        if ((route.equals("put") || route.equals("held")) && role == Role.OFFICE) {
            FuzzHttp.assertForbidden(r);
        }
        if (r.status() >= 400 || !route.equals("put")) {
            assertThat(server.count("SELECT COUNT(*) FROM blob_uploads")).isEqualTo(uploads);
        }
        if (r.status() >= 300) {
            return;
        }
        switch (route) {
            case "held" -> {
                List<String> held = MedianceJson.gson()
                        .fromJson(r.body(), BlobsHeldResponse.class)
                        .held();
                if (!sha.startsWith("{")) {
                    assertThat(asked).containsAll(held);
                }
                for (String h : held) {
                    assertThat(server.count(
                                    "SELECT COUNT(*) FROM blob_uploads WHERE sha256 = ? AND user_id = ?",
                                    h,
                                    ids.get(who)))
                            .isPositive();
                }
            }
            case "get" -> {
                assertThat(r.header("Content-Type")).isIn(SAFE);
                assertThat(r.header("Content-Disposition"))
                        .matches("(inline|attachment); filename=\"document-[0-9a-f]{64}\\.[a-z]+\"");
            }
            case "put" -> assertThat(sha256(bytes)).isEqualTo(sha);
            default -> {
                // HEAD and thumbnail: answered, nothing more to check
            }
        }
    }
}
