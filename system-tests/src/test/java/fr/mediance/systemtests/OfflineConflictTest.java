package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.conflict.ConflictItem;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.EntityType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator's desktop and the counsellor's tablet both change a resident's phone while offline (the
 * tablet also changes the access notes). When they come back, the server keeps one conflict record with
 * both values and merges the field only one side changed; the office resolves it and the chosen value
 * reaches both devices.
 */
@Timeout(180)
class OfflineConflictTest {
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private SyncWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    private static Resident withPhoneAndNotes(CoreContext device, Resident seen, String phone, String notes) {
        ResidentForm f = ResidentForm.of(seen);
        ResidentForm changed = new ResidentForm(
                f.civility(),
                f.lastName(),
                f.firstName(),
                f.birthDate(),
                phone,
                f.street(),
                f.postcode(),
                f.city(),
                notes,
                f.mobilityReason(),
                f.referentId());
        return device.residents().update(seen, changed).value();
    }

    @Test
    void twoOfflineEditsOfOnePhoneKeepBothValuesInOneConflictWhoseResolutionReachesBothDevices() {
        world = SyncWorld.start(tmp);
        LinkEmulator coordLink = world.link(LinkEmulator.Profile.UNLIMITED, 1);
        LinkEmulator tabletLink = world.link(LinkEmulator.Profile.UNLIMITED, 2);
        CoreContext coord = world.device("coord", "coord", coordLink.baseUrl());
        String counsellor = SyncWorld.userId(coord, "conseil1");
        SyncWorld.planVisits(
                coord, counsellor, 1, LocalDate.now(CoreContext.PARIS).plusDays(1), "F");
        CoreContext tablet = world.device("tablet", "conseil1", tabletLink.baseUrl());
        RawApi officeFeed = world.api("bureau");
        String before = officeFeed.cursorAtEnd();

        Resident atCoord = coord.residents().search("RésidenteF0", 5).get(0);
        Resident atTablet = tablet.residents().find(atCoord.id()).orElseThrow();
        assertThat(atTablet.version()).isEqualTo(atCoord.version());
        String basePhone = atCoord.phone();
        String baseNotes = atCoord.accessNotes();

        // Both offline; both change the phone, the tablet also the access notes.
        coordLink.down();
        tabletLink.down();
        withPhoneAndNotes(coord, atCoord, "04 91 11 11 11", baseNotes);
        withPhoneAndNotes(tablet, atTablet, "06 22 22 22 22", "Code porte 4521B, 3e étage");
        assertThat(coord.sync().syncNow().join().result()).isEqualTo(SyncReport.Result.OFFLINE);
        assertThat(tablet.sync().syncNow().join().result()).isEqualTo(SyncReport.Result.OFFLINE);

        // The coordinator's desktop comes back first, then the tablet.
        coordLink.heal();
        SyncWorld.syncUpToDate(coord);
        tabletLink.heal();
        SyncWorld.syncUpToDate(tablet);

        // One conflict record, both values, both authors; the notes merged silently.
        List<ChangeDto> conflicts = officeFeed.rowsSince(before).stream()
                .filter(c -> c.entity() == EntityType.CONFLICT)
                .toList();
        assertThat(conflicts).hasSize(1);
        ConflictDto record = (ConflictDto) conflicts.get(0).data();
        assertThat(record.entityId()).isEqualTo(atCoord.id());
        assertThat(record.field()).isEqualTo("phone");
        assertThat(record.baseValue()).isEqualTo(basePhone);
        assertThat(record.serverValue()).isEqualTo("04 91 11 11 11");
        assertThat(record.clientValue()).isEqualTo("06 22 22 22 22");
        assertThat(record.clientAuthorId()).isEqualTo(counsellor);
        assertThat(record.status()).isEqualTo(ConflictDto.OPEN);

        CoreContext office = world.device("office", "bureau", world.serverUrl());
        assertThat(office.conflicts().openConflicts()).singleElement().satisfies(c -> {
            assertThat(c.serverValue()).isEqualTo("04 91 11 11 11");
            assertThat(c.clientValue()).isEqualTo("06 22 22 22 22");
            assertThat(c.baseValue()).isEqualTo(basePhone);
        });
        ConflictItem open = office.conflicts().openConflicts().get(0);

        // The office keeps the coordinator's number.
        assertThat(office.conflicts().resolve(open.id(), "04 91 11 11 11").isOk())
                .isTrue();
        SyncWorld.syncUpToDate(office);
        SyncWorld.syncUpToDate(coord);
        SyncWorld.syncUpToDate(tablet);

        for (CoreContext device : List.of(coord, tablet)) {
            Resident r = device.residents().find(atCoord.id()).orElseThrow();
            assertThat(r.phone()).isEqualTo("04 91 11 11 11");
            assertThat(r.accessNotes()).isEqualTo("Code porte 4521B, 3e étage");
            assertThat(device.conflicts().openConflicts()).isEmpty();
        }
        assertThat(office.conflicts().openConflicts()).isEmpty();
        List<ChangeDto> after = officeFeed.rowsSince(before).stream()
                .filter(c -> c.entity() == EntityType.CONFLICT)
                .toList();
        assertThat(after).extracting(ChangeDto::entityId).containsOnly(record.id());
        assertThat(((ConflictDto) after.get(after.size() - 1).data()).resolvedValue())
                .isEqualTo("04 91 11 11 11");
    }
}
