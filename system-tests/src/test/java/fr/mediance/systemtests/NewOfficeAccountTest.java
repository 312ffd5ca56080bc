package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.session.SessionState;
import fr.mediance.protocol.AccountDto;
import fr.mediance.protocol.AccountPasswordDto;
import fr.mediance.protocol.AccountRequest;
import fr.mediance.protocol.AccountsResponse;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Totp;
import fr.mediance.protocol.TotpEnrolmentDto;
import fr.mediance.protocol.json.MedianceJson;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new office account from its creation by the admin to its first day, with the real server process and the
 * app's core: the temporary password shown once, replaced at the first login under the password rule, the second
 * factor enrolled from the secret the server gives (the one the login screen shows as a QR code), then a login with
 * its code, a PIN and a first sync; the admin's list shows the account enrolled and its password changed.
 */
@Timeout(180)
class NewOfficeAccountTest {
    private static final String NEW_PASSWORD = "Chèvrefeuille-Grenadine-2026";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private SyncWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void theAdminCreatesAnOfficeAccountThatChangesItsPasswordAndEnrolsItsSecondFactorAtFirstLogin() {
        world = SyncWorld.start(tmp);
        RawApi admin = world.api("admin");
        RawApi.Exchange created = admin.exchange(
                "POST",
                ApiPaths.ACCOUNTS,
                Map.of("Content-Type", "application/json"),
                MedianceJson.gson()
                        .toJson(new AccountRequest("accueil2", "Accueil — Nord", Role.OFFICE, true))
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String temporary = MedianceJson.gson()
                .fromJson(created.text(), AccountPasswordDto.class)
                .temporaryPassword();
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(12);

        CoreContext desk = world.keep(
                CoreContext.builder(tmp.resolve("desk")).pinIterations(1_000).build());
        String url = world.serverUrl().toString();

        // 1. the temporary password must be replaced, under the password rule
        Outcome<AccountInfo> first = desk.session().login(url, "accueil2", temporary.toCharArray(), null, null);
        assertThat(first).isInstanceOf(Outcome.Invalid.class);
        assertThat(((Outcome.Invalid<AccountInfo>) first).fieldErrors()).containsKey("newPassword");
        Outcome<AccountInfo> weak =
                desk.session().login(url, "accueil2", temporary.toCharArray(), null, "court".toCharArray());
        assertThat(((Outcome.Invalid<AccountInfo>) weak).fieldErrors()).containsKey("newPassword");
        // 2. then the second factor, asked in the same steps: the new password is taken with the first good code
        Outcome<AccountInfo> noCode =
                desk.session().login(url, "accueil2", temporary.toCharArray(), null, NEW_PASSWORD.toCharArray());
        assertThat(((Outcome.Invalid<AccountInfo>) noCode).fieldErrors()).containsOnlyKeys("totpEnrolment");
        Outcome<TotpEnrolmentDto> enrolment = desk.session().enrolTotp(url, "accueil2", temporary.toCharArray());
        assertThat(enrolment.isOk()).as(enrolment.message()).isTrue();
        String secret = enrolment.value().secret().replace(" ", "");
        assertThat(URLDecoder.decode(URI.create(enrolment.value().otpauthUri()).getRawQuery(), StandardCharsets.UTF_8))
                .contains("secret=" + secret);
        Outcome<AccountInfo> wrong =
                desk.session().login(url, "accueil2", temporary.toCharArray(), "000000", NEW_PASSWORD.toCharArray());
        assertThat(wrong.isOk()).isFalse();
        Outcome<AccountInfo> in = desk.session()
                .login(
                        url,
                        "accueil2",
                        temporary.toCharArray(),
                        Totp.code(secret, Instant.now()),
                        NEW_PASSWORD.toCharArray());
        assertThat(in.isOk()).as(in.message()).isTrue();
        assertThat(in.value().role()).isEqualTo(Role.OFFICE);

        // 3. a PIN and a first sync: the office's desk is ready
        desk.choosePin(SyncWorld.PIN);
        assertThat(desk.state()).isEqualTo(SessionState.UNLOCKED);
        assertThat(desk.sync().syncNow().join().ok()).isTrue();

        AccountDto listed = MedianceJson.gson()
                .fromJson(
                        admin.exchange("GET", ApiPaths.ACCOUNTS, Map.of(), null).text(), AccountsResponse.class)
                .accounts()
                .stream()
                .filter(a -> a.username().equals("accueil2"))
                .findFirst()
                .orElseThrow();
        assertThat(listed.mustChangePassword()).isFalse();
        assertThat(listed.secondFactorEnrolled()).isTrue();
    }
}
