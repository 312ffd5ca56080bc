package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.PartnerServiceDto;
import fr.mediance.protocol.Partners;
import fr.mediance.server.partner.PartnerDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The partner directory against the real server, on one database kind: the office writes it and every device
 * receives it, a counsellor may not, the debts and contracts name its partners (an active one for a new record, the
 * same one kept by an old record when it became inactive), and a partner still named is made inactive, not deleted.
 */
abstract class PartnersContract extends SyncScenario {

    static PartnerDto pimms(String id, String phone) {
        return new PartnerDto(
                id,
                "association",
                "PIMMS Médiation Marseille Nord",
                List.of(),
                List.of(new PartnerServiceDto(
                        "accueil",
                        "Accueil",
                        "12 boulevard de la Méditerranée",
                        "13015",
                        "Marseille",
                        phone,
                        "contact@pimms.example",
                        "Lun–ven 9h–12h",
                        List.of("facture", "piece_identite"),
                        null)),
                "https://www.pimms.org",
                true);
    }

    @Test
    void theOfficeWritesAPartnerAndEveryDeviceReceivesIt() {
        String bureau = server.token("bureau");
        PartnerDto p = pimms("pimms_nord", "04 91 00 00 00");
        assertApplied(pushOne(bureau, op(p)));
        assertThat(pullAll(conseil1, null).find(EntityType.PARTNER, p.id()).data())
                .isEqualTo(p);
        assertThat(pullAll(conseil2, null).find(EntityType.PARTNER, "caf_13").data())
                .isEqualTo(PartnerDirectory.bouchesDuRhone().get(0));
    }

    @Test
    void aCounsellorMayNotWriteTheDirectoryAndIsToldSoInFrench() {
        OperationResultDto r = pushOne(conseil1, op(pimms("pimms_nord", "04 91 00 00 00")));
        assertRejected(r, "forbidden");
        assertThat(r.message())
                .isEqualTo(
                        "Seuls la coordination, le bureau et l'administration modifient l'annuaire des partenaires.");
    }

    @Test
    void aBadPhoneOrAnUnknownDocumentTypeIsRefusedWithItsField() {
        OperationResultDto phone = pushOne(coord, op(pimms("pimms_nord", "04 91 00")));
        assertRejected(phone, "invalid_field");
        assertThat(phone.message())
                .isEqualTo("Le téléphone s'écrit en 10 chiffres (04 91 00 00 00), en +33… ou en numéro court (3230).");
        PartnerDto p = pimms("pimms_nord", "3230");
        PartnerDto unknownDocument = new PartnerDto(
                p.id(),
                p.type(),
                p.name(),
                p.categories(),
                List.of(new PartnerServiceDto(
                        "accueil", "Accueil", null, null, null, null, null, null, List.of("x"), null)),
                null,
                true);
        assertRejected(pushOne(coord, op(unknownDocument)), "unknown_code");
    }

    @Test
    void aDebtNamingAPartnerOutsideTheDirectoryIsRefused() {
        EnergyContractDto c = EnergyRecordsContract.contract(newId(), R1);
        assertApplied(pushOne(conseil1, op(c)));
        DebtDto d = with(EnergyRecordsContract.debt(newId(), R1, c.id()), "creditor", "fournisseur_inconnu");
        OperationResultDto r = pushOne(conseil1, op(d));
        assertRejected(r, "unknown_code");
        assertThat(r.message())
                .isEqualTo("Valeur inconnue pour « creditor » : « fournisseur_inconnu » n'est pas dans l'annuaire "
                        + "des partenaires.");
        assertApplied(pushOne(conseil1, op(with(d, "creditor", "engie"))));
    }

    @Test
    void aPartnerStillNamedByADebtBecomesInactiveAndOldRecordsKeepIt() {
        String bureau = server.token("bureau");
        assertApplied(pushOne(bureau, op(pimms("pimms_nord", "3230"))));
        EnergyContractDto c = with(EnergyRecordsContract.contract(newId(), R1), "supplier", "pimms_nord");
        DebtDto d = with(EnergyRecordsContract.debt(newId(), R1, c.id()), "creditor", "pimms_nord");
        assertApplied(pushOne(conseil1, op(c)));
        assertApplied(pushOne(conseil1, op(d)));

        assertApplied(pushOne(bureau, deleteOp(EntityType.PARTNER, "pimms_nord")));
        PartnerDto kept = (PartnerDto)
                pullAll(conseil1, null).find(EntityType.PARTNER, "pimms_nord").data();
        assertThat(kept.active()).isFalse();

        assertApplied(pushOne(conseil1, op(with(d, "amountCents", 50_000L))));
        assertApplied(pushOne(conseil1, op(with(c, "customerNumber", "CL-0043"))));
        OperationResultDto fresh =
                pushOne(conseil1, op(with(EnergyRecordsContract.debt(newId(), R1, c.id()), "creditor", "pimms_nord")));
        assertRejected(fresh, "unknown_code");
        assertThat(fresh.message())
                .isEqualTo("« PIMMS Médiation Marseille Nord » n'est plus actif dans l'annuaire des partenaires : "
                        + "choisissez-en un autre pour « creditor ».");
    }

    @Test
    void aPartnerNamedOnlyByAPaymentPlanBecomesInactiveToo() {
        String bureau = server.token("bureau");
        assertApplied(pushOne(bureau, op(pimms("pimms_nord", "3230"))));
        EnergyContractDto c = EnergyRecordsContract.contract(newId(), R1);
        DebtDto d = EnergyRecordsContract.debt(newId(), R1, c.id());
        assertApplied(pushOne(conseil1, op(c)));
        assertApplied(pushOne(conseil1, op(d)));
        assertApplied(pushOne(
                conseil1,
                op(with(
                        PaymentPlansContract.plan(newId(), R1, List.of(d.id()), "proposed", null),
                        "creditor",
                        "pimms_nord"))));

        assertApplied(pushOne(bureau, deleteOp(EntityType.PARTNER, "pimms_nord")));
        ChangeDto kept = pullAll(conseil1, null).find(EntityType.PARTNER, "pimms_nord");
        assertThat(kept.deleted()).isFalse();
        assertThat(((PartnerDto) kept.data()).active()).isFalse();
    }

    @Test
    void aPartnerNamedByNothingIsDeleted() {
        String bureau = server.token("bureau");
        assertApplied(pushOne(bureau, op(pimms("pimms_nord", "3230"))));
        assertApplied(pushOne(bureau, deleteOp(EntityType.PARTNER, "pimms_nord")));
        assertThat(pullAll(conseil1, null)
                        .find(EntityType.PARTNER, "pimms_nord")
                        .deleted())
                .isTrue();
    }

    @Test
    void anOlderDeviceEditingThePartnerListWritesTheDirectory() {
        assertApplied(pushOne(coord, op(new CodeDto(ListNames.PARTNER, "edf", "EDF (groupe)", "energie", 10, true))));
        PartnerDto edf = (PartnerDto)
                pullAll(conseil1, null).find(EntityType.PARTNER, "edf").data();
        assertThat(edf.name()).isEqualTo("EDF (groupe)");
        assertThat(edf.services()).isEqualTo(PartnerDirectory.national().get(0).services());
        assertRejected(
                pushOne(conseil1, op(new CodeDto(ListNames.PARTNER, "edf", "EDF", "energie", 10, true))), "forbidden");
    }

    @Test
    void theSeededDirectoryPassesItsOwnChecks() {
        assertThat(server.count("SELECT COUNT(*) FROM partners WHERE deleted = 0"))
                .isEqualTo(PartnerDirectory.national().size()
                        + PartnerDirectory.bouchesDuRhone().size());
        for (PartnerDto p : PartnerDirectory.national()) {
            assertThat(Partners.problems(p)).as(p.id()).isEmpty();
        }
        for (PartnerDto p : PartnerDirectory.bouchesDuRhone()) {
            assertThat(Partners.problems(p)).as(p.id()).isEmpty();
        }
        assertThat(server.count("SELECT COUNT(*) FROM codes WHERE list_name = 'partner'"))
                .isZero();
        assertThat(server.count("SELECT COUNT(*) FROM codes WHERE list_name = 'partner_type'"))
                .isEqualTo(Partners.TYPES.size());
    }
}
