package fr.mediance.server.security;

import static fr.mediance.server.security.FuzzHttp.assertAnswered;
import static fr.mediance.server.security.FuzzHttp.line;
import static fr.mediance.server.security.FuzzHttp.segment;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonObject;
import fr.mediance.protocol.AccountDto;
import fr.mediance.protocol.AccountPasswordDto;
import fr.mediance.protocol.Accounts;
import fr.mediance.protocol.AccountsResponse;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Totp;
import fr.mediance.protocol.TotpEnrolmentDto;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.TestServer;
import fr.mediance.server.demo.DemoSeeder;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * The trust routes through real HTTP, as each role, whatever the request: the administration of accounts and
 * devices (create, edit, lock and unlock, reset, devices, revoke) and the second factor (enrolment, login with a
 * code). Besides the invariants of every answer ({@link FuzzHttp#assertAnswered}): a counsellor or a coordinator
 * never gets anything from the accounts routes, a refusal changes no account, device, token or audit event, the
 * office never touches an account that is not a counsellor's nor gives another role, another structure's account is
 * never reached, and a login succeeds only with the right password and, for the office and the admin, a valid code
 * not used yet. The demo accounts are restored after each input, so that every input starts from the same accounts.
 */
class TrustRoutesFuzzTest {
    static final String OTHER_STRUCTURE = "fuzz-other-structure";
    static final String OTHER_USER = "fuzz-other-counsellor";
    /** An office account whose second factor is not enrolled yet. */
    static final String NEW_OFFICE = "fuzz-new-office";
    /** A counsellor whose password is temporary. */
    static final String NEW_COUNSELLOR = "fuzz-new-counsellor";

    static Path dir;
    static TestServer server;
    static FuzzHttp http;
    static final Map<String, String> tokens = new HashMap<>();
    static final Map<String, String> ids = Map.of(
            "conseil1",
            DemoSeeder.CONSEIL1,
            "conseil2",
            DemoSeeder.CONSEIL2,
            "coord",
            DemoSeeder.COORD,
            "bureau",
            DemoSeeder.BUREAU,
            "admin",
            "admin",
            "ailleurs",
            OTHER_USER,
            "bureau-neuf",
            NEW_OFFICE,
            "conseil-neuf",
            NEW_COUNSELLOR);

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("mediance-fuzz-trust");
        server = TestServer.demoCopy(dir);
        http = new FuzzHttp(server);
        for (String name : FuzzHttp.ROLES.keySet()) {
            tokens.put(name, server.token(name));
        }
        http.exec("INSERT INTO structures (id, name, created_at) VALUES (?, 'Autre structure', 0)", OTHER_STRUCTURE);
        copyUser(OTHER_USER, OTHER_STRUCTURE, "ailleurs", Role.COUNSELLOR);
        copyUser(NEW_OFFICE, DemoSeeder.STRUCTURE_ID, "bureau-neuf", Role.OFFICE);
        copyUser(NEW_COUNSELLOR, DemoSeeder.STRUCTURE_ID, "conseil-neuf", Role.COUNSELLOR);
        http.exec("UPDATE users SET totp_secret = NULL, totp_enrolled = 0 WHERE id = ?", NEW_OFFICE);
        http.exec("UPDATE users SET must_change_password = 1 WHERE id = ?", NEW_COUNSELLOR);
        // what each input starts from
        http.exec("CREATE TABLE fuzz_users AS SELECT * FROM users");
        http.exec("CREATE TABLE fuzz_devices AS SELECT id, revoked_at, wipe_after, revoked_by FROM devices");
        http.exec("CREATE TABLE fuzz_access AS SELECT token_hash, revoked_at FROM access_tokens");
        http.exec("CREATE TABLE fuzz_refresh AS SELECT token_hash, revoked_at, rotated_at FROM refresh_tokens");
    }

    /** A new account with the test password (the demo office's), as the demo accounts are. */
    static void copyUser(String id, String structure, String username, Role role) {
        http.exec(
                "INSERT INTO users (id, structure_id, username, display_name, role, password_hash, created_at) "
                        + "SELECT ?, ?, ?, ?, ?, password_hash, created_at FROM users WHERE id = ?",
                id,
                structure,
                username,
                "Compte " + username,
                role.code(),
                DemoSeeder.BUREAU);
    }

    @AfterAll
    static void stop() {
        server.close();
        server.db.close();
    }

    /** The accounts, devices and tokens as they were at the start (accounts created since are left). */
    static void restore() {
        http.exec("UPDATE users SET (display_name, role, password_hash, active, failed_logins, locked_until, "
                + "must_change_password, totp_secret, totp_enrolled, totp_last_step, disabled_at) = (SELECT "
                + "display_name, role, password_hash, active, failed_logins, locked_until, must_change_password, "
                + "totp_secret, totp_enrolled, totp_last_step, disabled_at FROM fuzz_users f WHERE f.id = users.id) "
                + "WHERE id IN (SELECT id FROM fuzz_users)");
        http.exec("UPDATE devices SET (revoked_at, wipe_after, revoked_by) = (SELECT revoked_at, wipe_after, "
                + "revoked_by FROM fuzz_devices f WHERE f.id = devices.id) WHERE id IN (SELECT id FROM fuzz_devices)");
        http.exec("UPDATE access_tokens SET revoked_at = (SELECT revoked_at FROM fuzz_access f "
                + "WHERE f.token_hash = access_tokens.token_hash) WHERE token_hash IN (SELECT token_hash FROM "
                + "fuzz_access)");
        http.exec("UPDATE refresh_tokens SET (revoked_at, rotated_at) = (SELECT revoked_at, rotated_at FROM "
                + "fuzz_refresh f WHERE f.token_hash = refresh_tokens.token_hash) WHERE token_hash IN (SELECT "
                + "token_hash FROM fuzz_refresh)");
        http.exec("DELETE FROM login_throttle");
    }

    /** Each account as one line: what an administration route may change of it. */
    static Map<String, String> accounts() {
        Map<String, String> m = new HashMap<>();
        try (var c = server.db.dataSource().getConnection();
                var ps = c.prepareStatement("SELECT id, structure_id, username, display_name, role, password_hash, "
                        + "active, must_change_password, totp_secret, totp_enrolled, failed_logins FROM users");
                var rs = ps.executeQuery()) {
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 2; i <= 11; i++) {
                    b.append(rs.getString(i)).append('\u0001');
                }
                m.put(rs.getString(1), b.toString());
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    static String role(Map<String, String> accounts, String id) {
        return accounts.get(id).split("\u0001", -1)[3];
    }

    static String revocations() {
        return server.sql("SELECT COUNT(*) || '/' || COALESCE(SUM(CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END), 0) "
                        + "FROM devices")
                + " " + server.sql("SELECT COUNT(*) FROM access_tokens WHERE revoked_at IS NOT NULL")
                + " " + server.sql("SELECT COUNT(*) FROM refresh_tokens WHERE revoked_at IS NOT NULL");
    }

    /** An account named (a demo name, "self") or the text as it is. */
    static String accountRef(String line, String caller) {
        String s = line.strip();
        if (s.equals("self")) {
            return ids.get(caller);
        }
        return ids.getOrDefault(s, line);
    }

    /** A device named by its owner ("device:conseil1") or the text as it is. */
    static String deviceRef(String line) {
        String s = line.strip();
        if (s.startsWith("device:") && ids.containsKey(s.substring(7))) {
            String ref = server.sql("SELECT id FROM devices WHERE user_id = ? ORDER BY id", ids.get(s.substring(7)));
            return ref == null ? "" : ref;
        }
        return line;
    }

    /**
     * Line 1: who calls; line 2: the route ({@code list}, {@code create}, {@code update}, {@code reset},
     * {@code devices}, {@code revoke}); line 3: the account or device in the address (a demo name, {@code self},
     * {@code device:NAME}, or any text); the rest: the JSON body.
     */
    @FuzzTest(maxDuration = "3m")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void accountRoutesGrantNothingTheyShouldNot(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", 4);
        String who = FuzzHttp.caller(lines[0]);
        String token = tokens.get(who);
        String action = line(lines, 1, "create").strip();
        String target = line(lines, 2, "");
        String body = line(lines, 3, "");
        Map<String, String> before = accounts();
        String revokedBefore = revocations();
        long audit = server.app.auditEventCount();
        try {
            FuzzHttp.Answer r = switch (action) {
                case "list" -> http.get(ApiPaths.ACCOUNTS, token);
                case "update" ->
                    http.json(
                            "PUT",
                            ApiPaths.fill(
                                    ApiPaths.ACCOUNT, ApiPaths.PARAM_ACCOUNT_ID, segment(accountRef(target, who))),
                            token,
                            body);
                case "reset" ->
                    http.send(http.request(
                                    ApiPaths.fill(
                                            ApiPaths.ACCOUNT_RESET,
                                            ApiPaths.PARAM_ACCOUNT_ID,
                                            segment(accountRef(target, who))),
                                    token)
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
                case "devices" ->
                    http.get(
                            ApiPaths.fill(
                                    ApiPaths.ACCOUNT_DEVICES,
                                    ApiPaths.PARAM_ACCOUNT_ID,
                                    segment(accountRef(target, who))),
                            token);
                case "revoke" ->
                    http.send(http.request(
                                    ApiPaths.fill(
                                            ApiPaths.DEVICE_REVOKE,
                                            ApiPaths.PARAM_DEVICE_REF,
                                            segment(deviceRef(target))),
                                    token)
                            .POST(HttpRequest.BodyPublishers.noBody()));
                default -> http.json("POST", ApiPaths.ACCOUNTS, token, body);
            };
            assertAnswered(r, text);
            Map<String, String> after = accounts();
            // another structure's account is never reached
            assertThat(after.get(OTHER_USER)).isEqualTo(before.get(OTHER_USER));
            assertThat(r.body()).doesNotContain("Compte ailleurs");
            if (!Accounts.managesAccounts(FuzzHttp.ROLES.get(who))) {
                FuzzHttp.assertForbidden(r);
            }
            if (r.status() >= 400) {
                assertThat(after).isEqualTo(before);
                assertThat(revocations()).isEqualTo(revokedBefore);
                assertThat(server.app.auditEventCount()).isEqualTo(audit);
                return;
            }
            // what changed or appeared is an account the caller manages, with a role she may give
            for (Map.Entry<String, String> e : after.entrySet()) {
                String was = before.get(e.getKey());
                if (e.getValue().equals(was)) {
                    continue;
                }
                Role now = Role.fromCode(role(after, e.getKey()));
                assertThat(Accounts.mayManage(FuzzHttp.ROLES.get(who), now))
                        .as("%s made %s %s", who, e.getKey(), now)
                        .isTrue();
                if (was != null) {
                    assertThat(Accounts.mayManage(FuzzHttp.ROLES.get(who), Role.fromCode(role(before, e.getKey()))))
                            .isTrue();
                }
            }
            switch (action) {
                case "list" -> {
                    for (AccountDto a : MedianceJson.gson()
                            .fromJson(r.body(), AccountsResponse.class)
                            .accounts()) {
                        assertThat(Accounts.mayManage(FuzzHttp.ROLES.get(who), a.role()))
                                .isTrue();
                    }
                }
                case "create" -> {
                    assertThat(r.status()).isEqualTo(201);
                    AccountPasswordDto created = MedianceJson.gson().fromJson(r.body(), AccountPasswordDto.class);
                    assertThat(before).doesNotContainKey(created.account().id());
                    assertThat(created.account().mustChangePassword()).isTrue();
                    assertThat(created.temporaryPassword()).hasSize(16);
                    assertThat(created.account().username()).matches("[a-z0-9][a-z0-9._-]{1,39}");
                }
                default -> {
                    // an answer about an account or a device
                }
            }
            assertNothingLost(before, after, text);
        } finally {
            restore();
        }
    }

    /**
     * No account changed or created keeps a display name that lost a character (a lone surrogate stored as « ? ») or
     * that holds a control character.
     */
    static void assertNothingLost(Map<String, String> before, Map<String, String> after, String input) {
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (e.getValue().equals(before.get(e.getKey()))) {
                continue;
            }
            String name = e.getValue().split("\u0001", -1)[2];
            assertThat(name.chars().noneMatch(Character::isISOControl))
                    .as("control character in %s", name)
                    .isTrue();
            if (name.contains("?")) {
                assertThat(input).as("a character lost in %s", name).contains("?");
            }
        }
    }

    /** A code of this account's secret ({@code now}, {@code prev}, {@code next}, {@code stale}), or the text. */
    static String code(String selector, String secret) {
        long step = Totp.step(server.clock.instant());
        return switch (selector.strip()) {
            case "now" -> secret == null ? "000000" : Totp.code(secret, step);
            case "prev" -> secret == null ? "000000" : Totp.code(secret, step - 1);
            case "next" -> secret == null ? "000000" : Totp.code(secret, step + 1);
            case "stale" -> secret == null ? "000000" : Totp.code(secret, step - 5);
            default -> selector;
        };
    }

    /**
     * Line 1: {@code enrol} or {@code login} (or {@code raw-enrol}, {@code raw-login}: the rest is the body as it
     * is); line 2: the username; line 3: the password ({@code =}: the right one); line 4: the device; line 5: the
     * code ({@code now}, {@code prev}, {@code next}, {@code stale} of the account's secret, or any text, {@code -}
     * none); line 6: the new password ({@code -} none).
     */
    @FuzzTest(maxDuration = "3m")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void secondFactorAdmitsOnlyAValidCode(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", 6);
        String route = lines[0].strip();
        boolean enrol = route.endsWith("enrol");
        String username = line(lines, 1, "bureau");
        if (route.startsWith("raw-")) {
            try {
                username = com.google.gson.JsonParser.parseString(username)
                        .getAsJsonObject()
                        .get("username")
                        .getAsString();
            } catch (RuntimeException e) {
                username = "";
            }
        }
        String normalised = username.strip().toLowerCase(java.util.Locale.ROOT);
        String id = server.sql("SELECT id FROM users WHERE username = ?", normalised);
        String secret = id == null ? null : server.sql("SELECT totp_secret FROM users WHERE id = ?", id);
        String codeLine = line(lines, 4, "-");
        String code = codeLine.strip().equals("-") ? null : code(codeLine, secret);
        String body;
        if (route.startsWith("raw-")) {
            body = text.substring(text.indexOf('\n') + 1);
        } else {
            JsonObject o = new JsonObject();
            o.addProperty("username", username);
            String password = line(lines, 2, "=");
            o.addProperty("password", password.equals("=") ? TestServer.PASSWORD : password);
            o.addProperty("deviceId", line(lines, 3, "tablette-fuzz"));
            if (code != null) {
                o.addProperty("totpCode", code);
            }
            String newPassword = line(lines, 5, "-");
            if (!newPassword.strip().equals("-")) {
                o.addProperty("newPassword", newPassword);
            }
            body = MedianceJson.gson().toJson(o);
        }
        Map<String, String> before = accounts();
        String lastStep = id == null ? null : server.sql("SELECT totp_last_step FROM users WHERE id = ?", id);
        long issued = server.count("SELECT COUNT(*) FROM access_tokens");
        try {
            FuzzHttp.Answer r = http.json("POST", enrol ? ApiPaths.TOTP_ENROL : ApiPaths.LOGIN, null, body);
            assertAnswered(r, text);
            Map<String, String> after = accounts();
            if (r.status() >= 400) {
                assertThat(server.count("SELECT COUNT(*) FROM access_tokens")).isEqualTo(issued);
                // a refusal may count a failure, nothing else
                for (Map.Entry<String, String> e : before.entrySet()) {
                    assertThat(withoutFailures(after.get(e.getKey()))).isEqualTo(withoutFailures(e.getValue()));
                }
                return;
            }
            assertThat(id).as("a success for an account that does not exist").isNotNull();
            Role role = Role.fromCode(role(before, id));
            if (enrol) {
                TotpEnrolmentDto dto = MedianceJson.gson().fromJson(r.body(), TotpEnrolmentDto.class);
                assertThat(Accounts.secondFactorRequired(role)).isTrue();
                assertThat(before.get(id).split("\u0001", -1)[8]).isEqualTo("0"); // was not enrolled
                assertThat(dto.secret()).isEqualTo(server.sql("SELECT totp_secret FROM users WHERE id = ?", id));
                assertThat(server.count("SELECT COUNT(*) FROM access_tokens")).isEqualTo(issued);
                return;
            }
            assertThat(server.count("SELECT COUNT(*) FROM access_tokens")).isEqualTo(issued + 1);
            if (Accounts.secondFactorRequired(role)) {
                long now = Totp.step(server.clock.instant());
                List<String> valid =
                        List.of(Totp.code(secret, now - 1), Totp.code(secret, now), Totp.code(secret, now + 1));
                assertThat(Accounts.normaliseTotp(code)).isIn(valid);
                String used = server.sql("SELECT totp_last_step FROM users WHERE id = ?", id);
                assertThat(Long.parseLong(used))
                        .isGreaterThan(lastStep == null ? Long.MIN_VALUE : Long.parseLong(lastStep));
            }
            assertThat(server.sql("SELECT must_change_password FROM users WHERE id = ?", id))
                    .isEqualTo("0");
        } finally {
            restore();
        }
    }

    /** An account's line without its count of failed logins. */
    static String withoutFailures(String account) {
        return account.substring(0, account.lastIndexOf('\u0001', account.length() - 2));
    }
}
