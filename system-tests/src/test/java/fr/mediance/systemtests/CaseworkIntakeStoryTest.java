package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.casework.RequestForm;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.RequestDto;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A counsellor opens a new resident's file on her tablet with no network, records the first request (which opens
 * the case), and syncs when the network is back: the office's device receives the resident, the case and the
 * request, and the other counsellor's tablet receives none of them.
 */
@Timeout(180)
class CaseworkIntakeStoryTest {
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
    void aFileARequestAndACaseOpenedOfflineReachTheOfficeAndNotAnotherCounsellor() {
        world = SyncWorld.start(tmp);
        LinkEmulator tabletLink = world.link(LinkEmulator.Profile.UNLIMITED, 1);
        CoreContext tablet = world.device("tablet", "conseil1", tabletLink.baseUrl());
        CoreContext office = world.device("office", "bureau", world.serverUrl());
        CoreContext colleague = world.device("colleague", "conseil2", world.serverUrl());

        tabletLink.down();
        Resident created = tablet.residents()
                .create(new ResidentForm(
                        "Mme",
                        "Nouvelle",
                        "Odette",
                        LocalDate.of(1944, 5, 17),
                        "06 11 22 33 44",
                        "4 rue Paradis",
                        "13001",
                        "Marseille",
                        null,
                        null,
                        null))
                .value();
        RequestDto request = tablet.cases()
                .recordRequest(new RequestForm(
                        created.id(),
                        null,
                        Casework.CHANNEL_DESK,
                        "edf_solidarite",
                        List.of("energie"),
                        List.of(Casework.URGENCY_POWER_CUT),
                        null,
                        "Coupure depuis hier."))
                .value();
        assertThat(tablet.sync().syncNow().join().ok()).as("no network").isFalse();
        assertThat(tablet.sync().pendingItems()).hasSize(3);

        tabletLink.heal();
        SyncWorld.syncUpToDate(tablet);
        SyncWorld.syncUpToDate(office);
        SyncWorld.syncUpToDate(colleague);

        assertThat(office.residents().find(created.id())).isPresent();
        CaseDto atOffice = office.cases().current(created.id()).orElseThrow();
        assertThat(atOffice.id()).isEqualTo(request.caseId());
        assertThat(atOffice.referentId()).isEqualTo(created.referentId());
        assertThat(office.cases().requests(created.id())).containsExactly(request);

        assertThat(colleague.residents().find(created.id())).isEmpty();
        assertThat(colleague.cases().cases(created.id())).isEmpty();
        assertThat(colleague.cases().requests(created.id())).isEmpty();
        assertThat(tablet.cases().requests(created.id()))
                .singleElement()
                .satisfies(r -> assertThat(r).isEqualTo(request));
    }
}
