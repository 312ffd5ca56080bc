package fr.mediance.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.server.SyncFamilies;
import fr.mediance.server.TestServer;
import fr.mediance.server.code.CodeLists;
import fr.mediance.server.code.CodeRules;
import fr.mediance.server.db.Database;
import fr.mediance.server.demo.DemoSeeder;
import fr.mediance.server.user.UserStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeded code lists and the demo data, which are written without going through a push, obey the same field
 * rules as what devices push.
 */
class SeedDataRulesTest {
    @TempDir
    Path dir;

    @Test
    void everySeededCodeIsValidAndTheListsHangTogether() {
        List<CodeDto> seed = CodeLists.seed();
        seed.forEach(CodeRules::shape);
        assertThat(seed).extracting(CodeDto::id).doesNotHaveDuplicates();
        assertThat(seed.stream().map(CodeDto::list).collect(Collectors.toSet()))
                .isEqualTo(CodeLists.NAMES.stream()
                        .filter(n -> !n.equals(ListNames.PARTNER))
                        .collect(Collectors.toSet()));

        Map<String, Set<String>> codes = seed.stream()
                .collect(Collectors.groupingBy(CodeDto::list, Collectors.mapping(CodeDto::code, Collectors.toSet())));
        assertThat(seed)
                .filteredOn(c -> c.list().equals(ListNames.MOTIF))
                .allSatisfy(m -> assertThat(codes.get(ListNames.DOMAIN)).contains(m.parent()));
        assertThat(seed)
                .filteredOn(c -> c.list().equals(ListNames.TASK_RULE))
                .allSatisfy(r -> assertThat(codes.get(ListNames.ACTION_TYPE)).contains(r.parent()));
        assertThat(seed)
                .filteredOn(c -> c.list().equals(ListNames.AID_KIND))
                .allSatisfy(k -> assertThat(codes.get(ListNames.DOMAIN)).contains(k.parent()));
        assertThat(seed)
                .filteredOn(c -> c.list().equals(ListNames.AID_CHECKLIST))
                .isNotEmpty()
                .allSatisfy(d -> {
                    assertThat(codes.get(ListNames.AID_KIND)).contains(d.parent());
                    assertThat(codes.get(ListNames.DOCUMENT_TYPE)).contains(d.value());
                });
        assertThat(seed)
                .filteredOn(c -> c.list().equals(ListNames.FSL_RULE) || c.list().equals(ListNames.LEGAL_VALUE))
                .allSatisfy(r -> assertThat(fr.mediance.protocol.CodeValues.legalProblem(r.list(), r.code(), r.value()))
                        .as(r.id())
                        .isEmpty());
        assertThat(codes.get(ListNames.ACTION_TYPE))
                .contains(
                        "demande_aide_fsl",
                        "negociation_echeancier",
                        "saisine_mediateur",
                        "demande_cheque_energie",
                        "appel_creancier",
                        "contestation_facture",
                        "orientation",
                        "redaction_courrier",
                        "diagnostic_budgetaire",
                        "eco_gestes");
        assertThat(codes.get(ListNames.LEGAL_PROTECTION)).doesNotContain("none", "aucune");
        assertThat(codes.get(ListNames.ECO_GESTURE)).hasSizeGreaterThanOrEqualTo(10);
        assertThat(codes.get(ListNames.DOCUMENT_TYPE)).contains("signature", "mandat", "consentement", "compte_rendu");

        Function<String, CodeDto> byId =
                id -> seed.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        assertThat(byId.apply("task_rule:fsl_decision"))
                .isEqualTo(new CodeDto(
                        ListNames.TASK_RULE,
                        "fsl_decision",
                        "Vérifier la décision du FSL",
                        "demande_aide_fsl",
                        10,
                        true,
                        "60"));
        assertThat(byId.apply("mandate_duration:six_months").value()).isEqualTo("P6M");
        assertThat(byId.apply("document_type:piece_identite").value()).isEqualTo("P3M");
        assertThat(byId.apply("document_type:mandat").value()).isEqualTo("P6Y");
        assertThat(byId.apply("setting:information_notice").value()).isEqualTo("2026-1");
        assertThat(byId.apply("setting:retention_default").value()).isEqualTo("P6M");
        assertThat(byId.apply("resident_status:decede").label()).isEqualTo("Décédé");
        assertThat(byId.apply("domain:energie").label()).isEqualTo("Énergie");
    }

    @Test
    void theDemoDataPassesTheRulesOfAPush() {
        TestServer server = TestServer.demoCopy(dir);
        try {
            List<ChangeDto> feed = server.get(ApiPaths.SYNC_CHANGES + "?limit=1000", server.token("coord"))
                    .as(ChangesResponse.class)
                    .changes();
            List<ChangeDto> notes = server
                    .get(ApiPaths.SYNC_CHANGES + "?limit=1000", server.token("conseil1"))
                    .as(ChangesResponse.class)
                    .changes()
                    .stream()
                    .filter(c -> c.data() instanceof PrivateNoteDto)
                    .toList();
            assertThat(notes).isNotEmpty();
            EntityFamilies families = SyncFamilies.all(new UserStore(), new BlobRegistry());
            LocalDate today = LocalDate.ofInstant(TestServer.START, PushService.PARIS);
            Database db = Database.open(server.db.dataSource());
            Map<EntityType, Integer> checked = new java.util.EnumMap<>(EntityType.class);
            db.read(tx -> {
                for (ChangeDto c : java.util.stream.Stream.concat(feed.stream(), notes.stream())
                        .toList()) {
                    EntityDto d = c.data();
                    if (d == null || c.entity() == EntityType.BLOB) {
                        continue;
                    }
                    families.validate(tx, d, today);
                    checked.merge(c.entity(), 1, Integer::sum);
                }
                return null;
            });
            assertThat(checked)
                    .containsOnly(
                            Map.entry(EntityType.RESIDENT, 8),
                            Map.entry(EntityType.APPOINTMENT, 11),
                            Map.entry(EntityType.VISIT_REPORT, 4),
                            Map.entry(EntityType.TASK, 4),
                            Map.entry(EntityType.CONSENT, 6),
                            Map.entry(EntityType.ENERGY_CONTRACT, 1),
                            Map.entry(EntityType.DEBT, 1),
                            Map.entry(EntityType.MANDATE, 1),
                            Map.entry(EntityType.REQUEST, DemoSeeder.WAITING_REQUESTS),
                            Map.entry(EntityType.PRIVATE_NOTE, 1),
                            Map.entry(EntityType.CODE, CodeLists.seed().size()),
                            Map.entry(
                                    EntityType.PARTNER,
                                    fr.mediance.server.partner.PartnerDirectory.national()
                                                    .size()
                                            + fr.mediance.server.partner.PartnerDirectory.bouchesDuRhone()
                                                    .size()));
        } finally {
            server.close();
            server.db.close();
        }
    }
}
