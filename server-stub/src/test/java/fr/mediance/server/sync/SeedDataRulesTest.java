package fr.mediance.server.sync;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.server.TestServer;
import fr.mediance.server.code.CodeLists;
import fr.mediance.server.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

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
        FieldRules rules = new FieldRules(new EntityStore());
        seed.forEach(rules::code);
        assertThat(seed).extracting(CodeDto::id).doesNotHaveDuplicates();
        assertThat(seed.stream().map(CodeDto::list).collect(Collectors.toSet())).isEqualTo(CodeLists.NAMES);

        Map<String, Set<String>> codes = seed.stream().collect(Collectors.groupingBy(CodeDto::list,
                Collectors.mapping(CodeDto::code, Collectors.toSet())));
        assertThat(seed).filteredOn(c -> c.list().equals(ListNames.MOTIF))
                .allSatisfy(m -> assertThat(codes.get(ListNames.DOMAIN)).contains(m.parent()));
        assertThat(seed).filteredOn(c -> c.list().equals(ListNames.TASK_RULE))
                .allSatisfy(r -> assertThat(codes.get(ListNames.ACTION_TYPE)).contains(r.parent()));
        assertThat(codes.get(ListNames.ACTION_TYPE)).contains("demande_aide_fsl", "negociation_echeancier",
                "saisine_mediateur", "demande_cheque_energie", "appel_creancier", "contestation_facture",
                "orientation", "redaction_courrier", "diagnostic_budgetaire", "eco_gestes");
        assertThat(codes.get(ListNames.LEGAL_PROTECTION)).doesNotContain("none", "aucune");
        assertThat(codes.get(ListNames.ECO_GESTURE)).hasSizeGreaterThanOrEqualTo(10);
        assertThat(codes.get(ListNames.DOCUMENT_TYPE)).contains("signature", "mandat", "consentement",
                "compte_rendu");

        Function<String, CodeDto> byId = id -> seed.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        assertThat(byId.apply("task_rule:fsl_decision")).isEqualTo(new CodeDto(ListNames.TASK_RULE, "fsl_decision",
                "Vérifier la décision du FSL", "demande_aide_fsl", 10, true, "60"));
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
                    .as(ChangesResponse.class).changes();
            List<ChangeDto> notes = server.get(ApiPaths.SYNC_CHANGES + "?limit=1000", server.token("conseil1"))
                    .as(ChangesResponse.class).changes().stream()
                    .filter(c -> c.data() instanceof PrivateNoteDto).toList();
            assertThat(notes).isNotEmpty();
            EntityStore store = new EntityStore();
            FieldRules rules = new FieldRules(store);
            LocalDate today = LocalDate.ofInstant(TestServer.START, PushService.PARIS);
            Database db = Database.open(server.db.dataSource());
            int checked = db.read(tx -> {
                int n = 0;
                for (ChangeDto c : java.util.stream.Stream.concat(feed.stream(), notes.stream()).toList()) {
                    Object d = c.data();
                    if (d instanceof ResidentDto r) {
                        rules.resident(tx, r, today);
                    } else if (d instanceof AppointmentDto a) {
                        rules.appointment(tx, a);
                    } else if (d instanceof VisitReportDto v) {
                        rules.report(tx, v);
                    } else if (d instanceof DocumentDto doc) {
                        rules.document(tx, doc);
                    } else if (d instanceof TaskDto t) {
                        rules.task(tx, t);
                    } else if (d instanceof ConsentDto consent) {
                        rules.consent(tx, consent);
                    } else if (d instanceof MandateDto m) {
                        rules.mandate(tx, m);
                    } else if (d instanceof PrivateNoteDto note) {
                        rules.privateNote(note);
                    } else {
                        continue;
                    }
                    n++;
                }
                return n;
            });
            assertThat(checked).isEqualTo(8 + 11 + 4 + 4 + 6 + 1 + 1);
        } finally {
            server.close();
            server.db.close();
        }
    }
}
