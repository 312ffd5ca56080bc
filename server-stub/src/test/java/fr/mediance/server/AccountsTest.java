package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.AccountDto;
import fr.mediance.protocol.AccountPasswordDto;
import fr.mediance.protocol.AccountRequest;
import fr.mediance.protocol.Accounts;
import fr.mediance.protocol.AccountsResponse;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.AuditEventsRequest;
import fr.mediance.protocol.BlobsHeldRequest;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.DeviceDto;
import fr.mediance.protocol.DevicesResponse;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.RefreshRequest;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Totp;
import fr.mediance.protocol.TotpEnrolmentDto;
import fr.mediance.server.TestServer.Response;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accounts and devices managed by the structure: creation, reset, roles, disabling, the second factor, revocation. */
class AccountsTest extends DemoServerCase {
    private Response put(String path, String token, Object body) {
        return server.send(server.request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        fr.mediance.protocol.json.MedianceJson.gson().toJson(body))));
    }

    private Response login(LoginRequest req) {
        return server.post(ApiPaths.LOGIN, null, req);
    }

    private String accountPath(String path, String id) {
        return ApiPaths.fill(path, ApiPaths.PARAM_ACCOUNT_ID, id);
    }

    @Test
    void theAdminCreatesACounsellorWhoMustChooseHerPasswordAtFirstLogin() {
        String admin = server.token("admin");
        Response created = server.post(
                ApiPaths.ACCOUNTS, admin, new AccountRequest("Conseil3", "Léa Martin", Role.COUNSELLOR, null));
        assertThat(created.status()).isEqualTo(201);
        AccountPasswordDto answer = created.as(AccountPasswordDto.class);
        assertThat(answer.account().username()).isEqualTo("conseil3");
        assertThat(answer.account().mustChangePassword()).isTrue();
        String temporary = answer.temporaryPassword();
        assertThat(fr.mediance.protocol.Passwords.problem(temporary, "conseil3"))
                .isNull();
        assertThat(server.count("SELECT COUNT(*) FROM users WHERE password_hash LIKE ?", "%" + temporary + "%"))
                .isZero();

        Response first = login(new LoginRequest("conseil3", temporary, "tab-lea"));
        assertThat(first.status()).isEqualTo(403);
        assertThat(first.problem().code()).isEqualTo(Accounts.PASSWORD_CHANGE_REQUIRED);
        Response weak = login(new LoginRequest("conseil3", temporary, "tab-lea", null, "court", null));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.problem().code()).isEqualTo(Accounts.WEAK_PASSWORD);
        assertThat(weak.problem().detail()).contains("12 caractères");
        Response changed = login(new LoginRequest("conseil3", temporary, "tab-lea", null, "Lea-Martin-2026!", "1.4.0"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(login(new LoginRequest("conseil3", temporary, "tab-lea")).status())
                .isEqualTo(401);
        assertThat(login(new LoginRequest("conseil3", "Lea-Martin-2026!", "tab-lea"))
                        .status())
                .isEqualTo(200);

        assertThat(server.post(ApiPaths.ACCOUNTS, admin, new AccountRequest("conseil3", "Autre", Role.COUNSELLOR, null))
                        .problem()
                        .code())
                .isEqualTo("username_taken");
        AccountsResponse list = server.get(ApiPaths.ACCOUNTS, admin).as(AccountsResponse.class);
        assertThat(list.accounts()).extracting(AccountDto::username).contains("conseil3", "bureau", "admin", "coord");
        DevicesResponse devices = server.get(
                        accountPath(ApiPaths.ACCOUNT_DEVICES, answer.account().id()), admin)
                .as(DevicesResponse.class);
        assertThat(devices.devices()).singleElement().satisfies(d -> {
            assertThat(d.deviceId()).isEqualTo("tab-lea");
            assertThat(d.appVersion()).isEqualTo("1.4.0");
        });
    }

    @Test
    void theOfficeManagesCounsellorsOnlyAndTheOthersNothing() {
        String office = server.token("bureau");
        assertThat(server.get(ApiPaths.ACCOUNTS, office)
                        .as(AccountsResponse.class)
                        .accounts())
                .extracting(AccountDto::role)
                .containsOnly(Role.COUNSELLOR);
        assertThat(server.post(ApiPaths.ACCOUNTS, office, new AccountRequest("chef", "Chef", Role.ADMIN, null))
                        .status())
                .isEqualTo(403);
        assertThat(server.post(ApiPaths.ACCOUNTS, office, new AccountRequest("conseil9", "C9", Role.COUNSELLOR, null))
                        .status())
                .isEqualTo(201);
        assertThat(server.post(accountPath(ApiPaths.ACCOUNT_RESET, "demo-coord"), office, "")
                        .status())
                .isEqualTo(403);
        assertThat(put(
                                accountPath(ApiPaths.ACCOUNT, "demo-conseil2"),
                                office,
                                new AccountRequest(null, null, Role.ADMIN, null))
                        .status())
                .isEqualTo(403);
        for (String user : List.of("coord", "conseil1")) {
            String token = server.token(user);
            assertThat(server.get(ApiPaths.ACCOUNTS, token).status()).isEqualTo(403);
            assertThat(server.post(accountPath(ApiPaths.ACCOUNT_RESET, "demo-conseil2"), token, "")
                            .status())
                    .isEqualTo(403);
        }
        assertThat(server.get(ApiPaths.ACCOUNTS, null).status()).isEqualTo(401);
        assertThat(server.get(accountPath(ApiPaths.ACCOUNT_DEVICES, "nobody"), server.token("admin"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void disablingAnAccountRevokesItsTokensAtOnceAndRefusesItsLoginInFrench() {
        LoginResponse session = server.session("conseil2", "tab-julien");
        Response off = put(
                accountPath(ApiPaths.ACCOUNT, "demo-conseil2"),
                server.token("admin"),
                new AccountRequest(null, null, null, false));
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.as(AccountDto.class).active()).isFalse();
        assertThat(server.get(ApiPaths.ME, session.accessToken()).status()).isEqualTo(401);
        assertThat(server.post(ApiPaths.REFRESH, null, new RefreshRequest(session.refreshToken(), "tab-julien"))
                        .status())
                .isEqualTo(401);
        Response refused = server.login("conseil2", TestServer.PASSWORD, "tab-julien");
        assertThat(refused.problem().code()).isEqualTo(Accounts.ACCOUNT_DISABLED);
        assertThat(refused.problem().detail()).contains("désactivé");
        assertThat(put(
                                accountPath(ApiPaths.ACCOUNT, "demo-admin-self"),
                                server.token("admin"),
                                new AccountRequest(null, null, null, false))
                        .status())
                .isEqualTo(404);
        String adminId = server.sql("SELECT id FROM users WHERE username = 'admin'");
        assertThat(put(
                                accountPath(ApiPaths.ACCOUNT, adminId),
                                server.token("admin"),
                                new AccountRequest(null, null, null, false))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void officeLoginNeedsAFreshTotpCodeWhichIsGoodOnce() {
        Response noCode = login(new LoginRequest("bureau", TestServer.PASSWORD, "poste-bureau"));
        assertThat(noCode.status()).isEqualTo(401);
        assertThat(noCode.problem().code()).isEqualTo(Accounts.TOTP_REQUIRED);
        Response wrong = login(new LoginRequest("bureau", TestServer.PASSWORD, "poste-bureau", "000000", null, null));
        if (!Totp.code(Accounts.DEMO_TOTP_SECRET, server.clock.instant()).equals("000000")) {
            assertThat(wrong.problem().code()).isEqualTo(Accounts.INVALID_TOTP);
        }
        String code = Totp.code(Accounts.DEMO_TOTP_SECRET, server.clock.instant());
        assertThat(login(new LoginRequest("bureau", TestServer.PASSWORD, "poste-bureau", code, null, null))
                        .status())
                .isEqualTo(200);
        Response replay = login(new LoginRequest("bureau", TestServer.PASSWORD, "autre-poste", code, null, null));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.problem().code()).isEqualTo(Accounts.INVALID_TOTP);
        assertThat(server.count("SELECT COUNT(*) FROM users WHERE totp_secret IS NOT NULL AND role = 'office'"))
                .isEqualTo(1);
    }

    @Test
    void aResetOfficeAccountEnrolsANewSecondFactorAtItsFirstLogin() {
        AccountPasswordDto reset = server.post(
                        accountPath(ApiPaths.ACCOUNT_RESET, "demo-bureau"), server.token("admin"), "")
                .as(AccountPasswordDto.class);
        String temporary = reset.temporaryPassword();
        String newPassword = "Sophie-Garcia-2026?";
        Response change = login(new LoginRequest("bureau", temporary, "poste"));
        assertThat(change.problem().code()).isEqualTo(Accounts.PASSWORD_CHANGE_REQUIRED);
        Response enrolFirst = login(new LoginRequest("bureau", temporary, "poste", null, newPassword, null));
        assertThat(enrolFirst.status()).isEqualTo(403);
        assertThat(enrolFirst.problem().code()).isEqualTo(Accounts.TOTP_ENROLMENT_REQUIRED);

        TotpEnrolmentDto enrolment = server.post(
                        ApiPaths.TOTP_ENROL, null, new LoginRequest("bureau", temporary, "poste"))
                .as(TotpEnrolmentDto.class);
        assertThat(enrolment.secret()).isNotEqualTo(Accounts.DEMO_TOTP_SECRET).matches("[A-Z2-7]{32}");
        assertThat(enrolment.otpauthUri())
                .startsWith("otpauth://totp/M%C3%A9diance:bureau?secret=" + enrolment.secret());
        String code = Totp.code(enrolment.secret(), server.clock.instant());
        Response done = login(new LoginRequest("bureau", temporary, "poste", code, newPassword, null));
        assertThat(done.status()).isEqualTo(200);
        assertThat(server.post(ApiPaths.TOTP_ENROL, null, new LoginRequest("bureau", newPassword, "poste"))
                        .problem()
                        .code())
                .isEqualTo("totp_already_enrolled");
        server.clock.advance(Duration.ofSeconds(30));
        String next = Totp.code(enrolment.secret(), server.clock.instant());
        assertThat(login(new LoginRequest("bureau", newPassword, "poste", next, null, null))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aRevokedDevicePushesWhatItHoldsThenIsRefusedAndAfterTheDeadlineRefusedEverywhere() {
        LoginResponse tablet = server.session("conseil1", "tab-perdue");
        String admin = server.token("admin");
        DeviceDto device = server
                .get(accountPath(ApiPaths.ACCOUNT_DEVICES, "demo-conseil1"), admin)
                .as(DevicesResponse.class)
                .devices()
                .stream()
                .filter(d -> d.deviceId().equals("tab-perdue"))
                .findFirst()
                .orElseThrow();
        DeviceDto revoked = server.post(
                        ApiPaths.fill(ApiPaths.DEVICE_REVOKE, ApiPaths.PARAM_DEVICE_REF, device.id()), admin, "")
                .as(DeviceDto.class);
        assertThat(revoked.revokedAt()).isEqualTo(server.clock.instant());
        assertThat(revoked.wipeAfter()).isEqualTo(server.clock.instant().plus(Accounts.WIPE_DEADLINE));

        Response pull = server.get(ApiPaths.SYNC_CHANGES, tablet.accessToken());
        assertThat(pull.status()).isEqualTo(403);
        assertThat(pull.problem().code()).isEqualTo(Accounts.DEVICE_REVOKED);
        assertThat(pull.problem().detail()).contains("effacées");
        Response push = server.post(ApiPaths.SYNC_PUSH, tablet.accessToken(), new PushRequest("tab-perdue", List.of()));
        assertThat(push.status()).isEqualTo(200);
        // its files too, and its access events: what it holds reaches the office before it wipes itself
        String sha = "ab".repeat(32);
        assertThat(server.post(ApiPaths.BLOBS_HELD, tablet.accessToken(), new BlobsHeldRequest(List.of(sha)))
                        .status())
                .isEqualTo(200);
        assertThat(server.send(server.request(
                                        ApiPaths.fill(ApiPaths.BLOB, ApiPaths.PARAM_SHA256, sha), tablet.accessToken())
                                .method("HEAD", HttpRequest.BodyPublishers.noBody()))
                        .status())
                .isEqualTo(404);
        assertThat(server.post(ApiPaths.AUDIT_EVENTS, tablet.accessToken(), new AuditEventsRequest(List.of()))
                        .status())
                .isEqualTo(200);
        // but it reads nothing
        Response read = server.get(ApiPaths.fill(ApiPaths.BLOB, ApiPaths.PARAM_SHA256, sha), tablet.accessToken());
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.problem().code()).isEqualTo(Accounts.DEVICE_REVOKED);
        LoginResponse refreshed = server.post(
                        ApiPaths.REFRESH, null, new RefreshRequest(tablet.refreshToken(), "tab-perdue"))
                .as(LoginResponse.class);
        assertThat(server.login("conseil1", TestServer.PASSWORD, "tab-perdue")
                        .problem()
                        .code())
                .isEqualTo(Accounts.DEVICE_REVOKED);
        assertThat(server.login("conseil1", TestServer.PASSWORD, "tab-neuve").status())
                .isEqualTo(200);

        server.clock.advance(Accounts.WIPE_DEADLINE);
        Response late =
                server.post(ApiPaths.SYNC_PUSH, refreshed.accessToken(), new PushRequest("tab-perdue", List.of()));
        assertThat(late.status()).isEqualTo(403);
        assertThat(late.problem().code()).isEqualTo(Accounts.DEVICE_REVOKED);
        assertThat(server.post(ApiPaths.REFRESH, null, new RefreshRequest(refreshed.refreshToken(), "tab-perdue"))
                        .problem()
                        .code())
                .isEqualTo(Accounts.DEVICE_REVOKED);
    }

    @Test
    void aRevokedDeviceThatLogsOutIsShownAsWiped() {
        LoginResponse tablet = server.session("conseil1", "tab-x");
        String admin = server.token("admin");
        String ref = server.sql("SELECT id FROM devices WHERE device_id = 'tab-x'");
        server.post(ApiPaths.fill(ApiPaths.DEVICE_REVOKE, ApiPaths.PARAM_DEVICE_REF, ref), admin, "");
        Response out = server.send(
                server.request(ApiPaths.LOGOUT, tablet.accessToken()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(out.status()).isEqualTo(204);
        assertThat(server.get(accountPath(ApiPaths.ACCOUNT_DEVICES, "demo-conseil1"), admin)
                        .as(DevicesResponse.class)
                        .devices())
                .filteredOn(d -> d.deviceId().equals("tab-x"))
                .singleElement()
                .satisfies(d -> assertThat(d.wipedAt()).isNotNull());
        assertThat(server.get(
                                ApiPaths.SYNC_CHANGES,
                                server.session("conseil1", "tab-y").accessToken())
                        .as(ChangesResponse.class))
                .isNotNull();
    }
}
