package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.session.SessionState;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.protocol.AccountDto;
import fr.mediance.protocol.AccountsResponse;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.DeviceDto;
import fr.mediance.protocol.DevicesResponse;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.json.MedianceJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost tablet, end to end with the real server process: the coordinator's device records a partner offline, the
 * admin revokes that device, and at its next sync the device sends what it held, then deletes its encrypted store
 * and keys and returns to the login screen with a French message; the admin's device list shows it wiped and the
 * partner arrived.
 */
@Timeout(240)
class DeviceRevocationTest {
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
    void aRevokedDevicePushesWhatItHeldThenWipesItself() throws Exception {
        world = SyncWorld.start(tmp);
        CoreContext lost = world.device("lost", "coord", world.serverUrl());
        PartnerDto partner = new PartnerDto(
                "ccas_revocation",
                "association",
                "Association saisie hors ligne",
                List.of("energie"),
                List.of(),
                null,
                true);
        assertThat(lost.partners().save(partner, true).isOk()).isTrue();
        assertThat(lost.session().unsentChanges()).isPositive();
        Path dataDir = lost.dataDirectory();
        assertThat(Files.list(dataDir).count()).isPositive();

        RawApi admin = world.api("admin");
        String coordId = accounts(admin).stream()
                .filter(a -> a.username().equals("coord"))
                .findFirst()
                .orElseThrow()
                .id();
        DeviceDto device = devices(admin, coordId).get(0);
        RawApi.Exchange revoke = admin.exchange(
                "POST", ApiPaths.fill(ApiPaths.DEVICE_REVOKE, ApiPaths.PARAM_DEVICE_REF, device.id()), Map.of(), null);
        assertThat(revoke.status()).isEqualTo(200);

        SyncReport report = lost.sync().syncNow().join();
        assertThat(report.pushed()).isEqualTo(1);
        assertThat(report.message()).contains("retiré par votre structure");
        assertThat(lost.state()).isEqualTo(SessionState.NO_ACCOUNT);
        assertThat(lost.session().notice())
                .hasValueSatisfying(m -> assertThat(m).contains("effacées"));
        try (var left = Files.list(dataDir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("mediance") || n.contains("account"));
        }

        assertThat(devices(admin, coordId).get(0).wipedAt()).isNotNull();
        RawApi office = world.api("bureau");
        List<ChangeDto> rows = office.rowsSince(null);
        assertThat(rows).anySatisfy(c -> {
            assertThat(c.entity()).isEqualTo(EntityType.PARTNER);
            assertThat(c.entityId()).isEqualTo("ccas_revocation");
        });
    }

    private static List<AccountDto> accounts(RawApi api) {
        RawApi.Exchange e = api.exchange("GET", ApiPaths.ACCOUNTS, Map.of(), null);
        assertThat(e.status()).isEqualTo(200);
        return MedianceJson.gson().fromJson(e.text(), AccountsResponse.class).accounts();
    }

    private static List<DeviceDto> devices(RawApi api, String accountId) {
        RawApi.Exchange e = api.exchange(
                "GET", ApiPaths.fill(ApiPaths.ACCOUNT_DEVICES, ApiPaths.PARAM_ACCOUNT_ID, accountId), Map.of(), null);
        assertThat(e.status()).isEqualTo(200);
        return MedianceJson.gson()
                .fromJson(new String(e.body(), StandardCharsets.UTF_8), DevicesResponse.class)
                .devices();
    }
}
