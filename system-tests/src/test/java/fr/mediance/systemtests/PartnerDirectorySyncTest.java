package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.PartnerServiceDto;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partner directory between the real office server and two devices: the office adds a partner with its service,
 * the counsellor's tablet receives it and finds it offline without accents, and once the office deactivates it the
 * tablet no longer offers it as a creditor while still naming it.
 */
@Timeout(180)
class PartnerDirectorySyncTest {
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
    void aPartnerTheOfficeAddsIsFoundOnTheTabletAndStopsBeingOfferedOnceDeactivated() {
        world = SyncWorld.start(tmp);
        CoreContext office = world.device("office", "bureau", world.serverUrl());
        CoreContext tablet = world.device("tablet", "conseil1", world.serverUrl());
        assertThat(tablet.partners().search("fournisseur energie edf", false))
                .extracting(PartnerDto::id)
                .containsExactly("edf");

        PartnerDto pimms = new PartnerDto(
                "pimms_nord",
                "association",
                "PIMMS Médiation Marseille Nord",
                List.of("energie"),
                List.of(new PartnerServiceDto(
                        "accueil",
                        "Accueil énergie et eau",
                        "12 boulevard de la Méditerranée",
                        "13015",
                        "Marseille",
                        "04 91 12 34 56",
                        null,
                        "Lun–ven 9h–12h",
                        List.of("facture"),
                        null)),
                null,
                true);
        assertThat(office.partners().save(pimms, true).isOk()).isTrue();
        SyncWorld.syncUpToDate(office);
        SyncWorld.syncUpToDate(tablet);
        assertThat(tablet.partners().search("mediation energie marseille", false))
                .containsExactly(pimms);
        assertThat(tablet.reference().creditors("energie"))
                .extracting(CodeItem::code)
                .contains("pimms_nord");

        PartnerDto inactive = new PartnerDto(
                pimms.id(), pimms.type(), pimms.name(), pimms.categories(), pimms.services(), null, false);
        assertThat(office.partners().save(inactive, false).isOk()).isTrue();
        SyncWorld.syncUpToDate(office);
        SyncWorld.syncUpToDate(tablet);
        assertThat(tablet.reference().creditors("energie"))
                .extracting(CodeItem::code)
                .doesNotContain("pimms_nord");
        assertThat(tablet.reference().partnerName("pimms_nord")).isEqualTo("PIMMS Médiation Marseille Nord");
        assertThat(tablet.partners().search("pimms", false)).isEmpty();
    }
}
