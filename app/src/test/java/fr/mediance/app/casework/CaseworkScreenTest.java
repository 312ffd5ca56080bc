package fr.mediance.app.casework;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.testing.DemoOffice;
import fr.mediance.app.testing.UiTest;
import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.RequestDto;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intake screens on a counsellor's tablet: a new file, a contact without appointment, the case in a file. */
class CaseworkScreenTest extends UiTest {
    @TempDir
    Path dir;

    DemoOffice office;
    CoreContext core;

    @BeforeEach
    void setUp() throws Exception {
        office = new DemoOffice();
        CaseworkDemo.codes(office);
        core = office.signedIn(dir, "conseil1");
        show(() -> office.compose(core, () -> CompletableFuture.completedFuture(Optional.empty())), 800, 1280);
        until(() -> exists("#agenda-contact"));
    }

    @AfterEach
    void tearDown() throws Exception {
        cleanUp();
        core.close();
        office.close();
    }

    @Test
    void a_counsellor_opens_a_new_file_from_the_agenda_is_warned_of_a_duplicate_and_follows_the_person() {
        interact(() -> this.<Button>node("#agenda-new-resident").fire());
        until(() -> exists("#new-resident-lastName"));
        interact(() -> {
            this.<TextField>node("#new-resident-lastName").setText("Benali");
            this.<TextField>node("#new-resident-firstName").setText("Fatima");
            this.<TextField>node("#new-resident-street").setText("12 rue des Lilas");
            this.<TextField>node("#new-resident-postcode").setText("13015");
            this.<TextField>node("#new-resident-city").setText("Marseille");
            this.<Button>node("#new-resident-create").fire();
        });
        until(() -> visible("#new-resident-duplicates"));
        assertThat(this.<Button>node("#new-resident-create").getText()).isEqualTo("Créer quand même");
        assertThat(core.residents().search("benali", 10)).hasSize(1);
        interact(() -> this.<Button>node("#new-resident-create").fire());
        until(() -> exists("#resident-file-name") && visible("#resident-tab-case"));
        Resident created = core.residents().search("benali", 10).stream()
                .filter(r -> !r.id().equals("r1"))
                .findFirst()
                .orElseThrow();
        assertThat(created.referentId()).isEqualTo("u-c1");
    }

    @Test
    void a_phone_contact_without_appointment_records_the_request_and_opens_a_phone_report() {
        interact(() -> this.<Button>node("#agenda-contact").fire());
        until(() -> exists("#contact-search") && exists("#contact-domain-energie"));
        interact(() -> {
            this.<TextField>node("#contact-search").setText("Benali");
            this.<Button>node("#contact-search-go").fire();
        });
        until(() -> exists("#contact-results .button"));
        interact(() -> lookup("#contact-results .button").queryButton().fire());
        until(() -> text("#contact-resident").startsWith("Fatima Benali"));
        interact(() -> {
            this.<ToggleButton>node("#contact-domain-energie").fire();
            this.<CheckBox>node("#contact-urgency-power_cut").fire();
            this.<Button>node("#contact-start").fire();
        });
        until(() -> exists("#visit-synthesis"));
        RequestDto r = core.cases().requests("r1").get(0);
        assertThat(r.urgencies()).containsExactly(Casework.URGENCY_POWER_CUT);
        assertThat(r.status()).isEqualTo(Casework.REQUEST_ANSWERED);
        assertThat(core.visits().find(r.visitReportId()).orElseThrow().medium()).isEqualTo("desk_spontaneous");
    }

    @Test
    void an_anonymous_contact_says_it_holds_no_name_and_is_recorded() {
        interact(() -> this.<Button>node("#agenda-contact").fire());
        until(() -> exists("#contact-kind-anonymous") && exists("#contact-domain-energie"));
        interact(() -> this.<ToggleButton>node("#contact-kind-anonymous").fire());
        until(() -> visible("#contact-anonymous-note"));
        assertThat(visible("#contact-search")).isFalse();
        assertThat(text("#contact-anonymous-note")).contains("Aucun nom, aucun texte libre");
        interact(() -> this.<Button>node("#contact-anonymous-record").fire());
        until(() -> visible("#contact-domains-error")
                || !text("#contact-anonymous-note").isEmpty());
        interact(() -> {
            this.<ToggleButton>node("#contact-domain-energie").fire();
            this.<TextField>node("#contact-duration").setText("15");
            this.<Button>node("#contact-anonymous-record").fire();
        });
        until(() -> !core.cases()
                .anonymousSince(java.time.LocalDate.now(DemoOffice.PARIS))
                .isEmpty());
        assertThat(core.cases().anonymousSince(java.time.LocalDate.now(DemoOffice.PARIS)))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.domains()).containsExactly("energie");
                    assertThat(a.durationMinutes()).isEqualTo(15);
                });
    }

    @Test
    void the_case_of_a_file_is_opened_its_goals_saved_and_it_is_closed_with_an_outcome() {
        interact(() -> this.<ToggleButton>node("#nav-RESIDENTS").fire());
        until(() -> exists("#resident-row-r1"));
        interact(() -> lookup("#resident-row-r1").query().getOnMouseClicked().handle(null));
        until(() -> exists("#resident-tab-case"));
        interact(() -> this.<ToggleButton>node("#resident-tab-case").fire());
        until(() -> visible("#case-open"));
        interact(() -> this.<Button>node("#case-open").fire());
        until(() -> visible("#case-save") && "En cours".equals(text("#case-status")));
        interact(() -> {
            this.<javafx.scene.control.TextArea>node("#case-goals").setText("Éviter la coupure");
            this.<Button>node("#case-save").fire();
        });
        until(() -> core.cases().current("r1").map(CaseDto::goals).orElseThrow().contains("Éviter la coupure"));
        interact(() -> {
            this.<javafx.scene.control.TextArea>node("#request-description").setText("Appel de la fille.");
            this.<Button>node("#request-record").fire();
        });
        until(() -> core.cases().requests("r1").size() == 1);
        String requestId = core.cases().requests("r1").get(0).id();
        until(() -> exists("#request-status-" + requestId));
        interact(() -> this.<javafx.scene.control.ComboBox<fr.mediance.app.core.casework.Choice>>node(
                        "#request-status-" + requestId)
                .getSelectionModel()
                .select(2));
        until(() -> core.cases().requests("r1").stream()
                .filter(q -> q.id().equals(requestId))
                .anyMatch(q -> Casework.REQUEST_ORIENTED.equals(q.status())));
        interact(() -> {
            this.<javafx.scene.control.ComboBox<fr.mediance.app.core.casework.Choice>>node("#case-closing-reason")
                    .getSelectionModel()
                    .select(0);
            this.<CheckBox>node("#case-outcome-fsl_granted").fire();
            this.<TextField>node("#case-outcome-amount-fsl_granted").setText("300");
            this.<Button>node("#case-close").fire();
        });
        until(() -> visible("#case-reopen"));
        CaseDto closed = core.cases().cases("r1").get(0);
        assertThat(closed.status()).isEqualTo(Casework.CASE_CLOSED);
        assertThat(closed.closingReason()).isEqualTo("goals_met");
        assertThat(closed.outcomes()).containsExactly(new fr.mediance.protocol.CaseOutcomeDto("fsl_granted", 30_000L));
    }
}
