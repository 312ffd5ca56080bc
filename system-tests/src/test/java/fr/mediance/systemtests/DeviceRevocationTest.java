package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.session.SessionState;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.AccountDto;
import fr.mediance.protocol.AccountsResponse;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.DeviceDto;
import fr.mediance.protocol.DevicesResponse;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
        String coordId = accountId(admin, "coord");
        revoke(admin, devices(admin, coordId).get(0));

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

    @Test
    void aRevokedCounsellorsTabletSendsItsVisitAndEveryPhotoBeforeWiping() throws Exception {
        world = SyncWorld.start(tmp);
        CoreContext coord = world.device("coord", "coord", world.serverUrl());
        String counsellor = SyncWorld.userId(coord, "conseil1");
        List<String> appointments = SyncWorld.planVisits(
                coord, counsellor, 1, LocalDate.now(CoreContext.PARIS).plusDays(1), "R");
        CoreContext lost = world.device("lost", "conseil1", world.serverUrl());
        assertThat(lost.sync().syncNow().join().ok()).isTrue();
        byte[] bill = TestImages.bill(1600, 1200, 0.8f, 41);
        byte[] notice = TestImages.bill(1200, 1600, 0.8f, 42);
        VisitReport report = SyncWorld.completeVisit(
                lost, appointments.get(0), "Facture et avis d'échéance photographiés.", List.of(bill, notice));
        List<PhotoItem> photos = lost.documents().photos(report.id());
        assertThat(photos).hasSize(2);

        RawApi admin = world.api("admin");
        List<DeviceDto> counsellorsDevices = devices(admin, accountId(admin, "conseil1"));
        assertThat(counsellorsDevices).hasSize(1); // the lost tablet
        revoke(admin, counsellorsDevices.get(0));

        SyncReport last = lost.sync().syncNow().join();
        assertThat(last.message()).contains("retiré par votre structure");
        assertThat(lost.state()).isEqualTo(SessionState.NO_ACCOUNT);

        RawApi office = world.api("bureau");
        assertThat(office.rowsSince(null))
                .filteredOn(c -> c.entity() == EntityType.VISIT_REPORT)
                .extracting(ChangeDto::entityId)
                .contains(report.id());
        for (PhotoItem p : photos) {
            assertThat(office.blob(p.sha256())).as(p.id()).hasSize((int) p.sizeBytes());
        }
    }

    private static String accountId(RawApi admin, String username) {
        return accounts(admin).stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static void revoke(RawApi admin, DeviceDto device) {
        RawApi.Exchange revoke = admin.exchange(
                "POST", ApiPaths.fill(ApiPaths.DEVICE_REVOKE, ApiPaths.PARAM_DEVICE_REF, device.id()), Map.of(), null);
        assertThat(revoke.status()).isEqualTo(200);
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
