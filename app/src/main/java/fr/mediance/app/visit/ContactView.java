package fr.mediance.app.visit;

import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.visit.ContactViewModel;
import fr.mediance.app.core.visit.FollowUpsViewModel;
import fr.mediance.app.core.visit.VisitReportViewModel;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The contact card: medium, place and duration, persons present, domains and motifs, the synthesis, the
 * follow-up with its due date, and where the autosave stands.
 */
final class ContactView {
    private final VisitReportViewModel report;
    private final ContactViewModel vm;
    private final FollowUpsViewModel followUps;
    private final VisitFields fields;

    ContactView(VisitReportViewModel report, VisitFields fields) {
        this.report = report;
        this.vm = report.contact();
        this.followUps = report.followUps();
        this.fields = fields;
    }

    VBox build() {
        Label codesHint = Ui.bound(report.codesHintProperty(), Styles.FORM_ERROR);
        Ui.hideWhenBlank(codesHint);

        ComboBox<CodeItem> medium = CodeChoices.combo("visit-medium", vm.mediumOptions(), vm.mediumProperty());
        medium.setPromptText(fields.text("visit.medium.prompt"));
        medium.disableProperty().bind(vm.frozenProperty());
        TextField place = fields.text("visit-place", vm.placeProperty());
        TextField duration = fields.text("visit-duration", vm.durationProperty());
        duration.setPrefColumnCount(6);

        FlowPane domainChips = fields.chips(vm.domainOptions(), vm.domains(), vm::setDomainSelected, "domain-");
        domainChips.setId("visit-domains");
        Label domainsError = Ui.bound(vm.errorProperty("domains"), Styles.FIELD_ERROR);
        domainsError.setId("visit-domains-error");
        Ui.hideWhenBlank(domainsError);
        VBox domains =
                new VBox(6, Ui.label(fields.text("visit.domains"), Styles.FIELD_LABEL), domainChips, domainsError);
        domains.getStyleClass().add(Styles.FIELD);

        FlowPane motifChips = fields.chips(vm.motifOptions(), vm.motifs(), vm::setMotifSelected, "motif-");
        motifChips.setId("visit-motifs");
        Label noMotif = Ui.label(fields.text("visit.motifs.none"), Styles.HINT);
        Ui.showWhen(noMotif, Bindings.isEmpty(vm.motifOptions()));
        VBox motifs = fields.chipField("visit.motifs", motifChips, vm.errorProperty("motifs"));
        motifs.getChildren().add(1, noMotif);

        FlowPane personChips = fields.chips(vm.personOptions(), vm.personsPresent(), vm::setPersonPresent, "person-");
        personChips.setId("visit-persons");

        TextArea synthesis = fields.area("visit-synthesis", vm.synthesisProperty(), 6);
        Label reminder = Ui.label(fields.text("visit.synthesis.reminder"), Styles.REMINDER);
        VBox synthesisField = Ui.field(fields.text("visit.synthesis"), synthesis, vm.errorProperty("synthesis"));
        synthesisField.getChildren().add(1, reminder);

        TextArea followUp = fields.area("visit-followup", followUps.followUpProperty(), 3);
        TextField due = fields.text("visit-due", followUps.followUpDueProperty());
        due.setPromptText(fields.text("visit.followup.due.prompt"));
        due.setPrefColumnCount(10);

        Label saveStatus = Ui.bound(report.saveStatusProperty(), Styles.MUTED, Styles.SMALL);
        saveStatus.setId("visit-save-status");

        VBox form = Ui.card(
                Ui.label(fields.text("visit.section.contact"), Styles.SECTION_TITLE),
                codesHint,
                Ui.field(fields.text("visit.medium"), medium, vm.errorProperty("medium")),
                Ui.row(
                        Ui.field(fields.text("visit.place"), place, vm.errorProperty("place")),
                        Ui.field(fields.text("visit.duration"), duration, vm.errorProperty("duration"))),
                fields.chipField("visit.persons", personChips, vm.errorProperty("personsPresent")),
                domains,
                motifs,
                synthesisField,
                Ui.field(fields.text("visit.followup"), followUp, followUps.errorProperty("followUp")),
                Ui.row(
                        Ui.field(fields.text("visit.followup.due"), due, followUps.errorProperty("followUpDue")),
                        new StackPane()),
                saveStatus);
        form.setId("visit-contact");
        return form;
    }
}
