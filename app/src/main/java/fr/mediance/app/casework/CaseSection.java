package fr.mediance.app.casework;

import fr.mediance.app.core.casework.CaseViewModel;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.Casework;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The "Accompagnement" section of a resident's file: the case (status, opening, referent, domains, goals, and the
 * buttons to open, put on hold, resume, close or reopen it), its requests with the form of a new one, the closing
 * (reason, date, outcomes with amounts) and the cases closed before.
 */
public final class CaseSection {
    private final CaseViewModel vm;
    private final ResourceBundle texts;
    private final Runnable startContact;

    /** {@code startContact} starts a contact without appointment with this resident (null: not offered). */
    public CaseSection(CaseViewModel vm, ResourceBundle texts, Runnable startContact) {
        this.vm = vm;
        this.texts = texts;
        this.startContact = startContact;
    }

    private String t(String key) {
        return texts.getString(key);
    }

    public Node build() {
        return new VBox(14, caseCard(), requestsCard(), closingCard(), historyCard());
    }

    private Node caseCard() {
        Label status = Ui.bound(vm.statusTextProperty(), Styles.CARD_TITLE);
        status.setId("case-status");
        Label opened = Ui.bound(vm.openedTextProperty(), Styles.MUTED);
        Ui.hideWhenBlank(opened);

        Button open = Ui.button(t("casework.open"), Material2MZ.PLAYLIST_ADD, Styles.PRIMARY);
        open.setId("case-open");
        open.setOnAction(e -> vm.openCase());
        Ui.showWhen(open, vm.hasCaseProperty().not().and(vm.canReopenProperty().not()));
        Button reopen = Ui.button(t("casework.reopen"), Material2MZ.REPLAY, Styles.SECONDARY);
        reopen.setId("case-reopen");
        reopen.setOnAction(e -> vm.reopen());
        Ui.showWhen(reopen, vm.canReopenProperty());
        Button hold = Ui.button("", Material2MZ.PAUSE_CIRCLE_OUTLINE, Styles.SECONDARY);
        hold.setId("case-hold");
        hold.textProperty()
                .bind(Bindings.when(vm.onHoldProperty())
                        .then(t("casework.resume"))
                        .otherwise(t("casework.hold")));
        hold.setOnAction(e -> vm.toggleHold());
        Ui.showWhen(hold, vm.hasCaseProperty());
        FlowPane buttons = new FlowPane(8, 8, open, reopen, hold);
        if (startContact != null) {
            Button contact = Ui.button(t("contact.action"), Material2AL.CALL, Styles.SECONDARY);
            contact.setId("case-contact");
            contact.setOnAction(e -> startContact.run());
            buttons.getChildren().add(contact);
        }

        VBox referent = Ui.field(
                t("casework.referent"),
                Choices.combo("case-referent", vm.referentOptions(), vm.referentIdProperty()),
                vm.errorProperty("referentId"));
        VBox domains = new VBox(
                6,
                Ui.label(t("casework.domains"), Styles.FIELD_LABEL),
                Choices.chips("case-domain-", vm.domainOptions(), vm.domains()));
        TextArea goals = new TextArea();
        goals.setId("case-goals");
        goals.setPrefRowCount(3);
        goals.setWrapText(true);
        goals.textProperty().bindBidirectional(vm.goalsProperty());
        VBox goalsField = Ui.field(t("casework.goals"), goals, vm.errorProperty("goals"));
        goalsField.getChildren().add(Ui.label(t("casework.goals.hint"), Styles.HINT));
        Button save = Ui.button(t("casework.save"), Material2MZ.SAVE, Styles.PRIMARY);
        save.setId("case-save");
        save.setOnAction(e -> vm.save());
        VBox editing = new VBox(12, referent, domains, goalsField, save);
        Ui.showWhen(editing, vm.hasCaseProperty());

        VBox card = Ui.card(Ui.label(t("casework.title"), Styles.SECTION_TITLE), status, opened, buttons, editing);
        card.setSpacing(10);
        return card;
    }

    private Node closingCard() {
        VBox reason = Ui.field(
                t("casework.closingReason"),
                Choices.combo("case-closing-reason", vm.closingReasonOptions(), vm.closingReasonProperty()),
                vm.errorProperty("closingReason"));
        TextField date = new TextField();
        date.setId("case-closed-on");
        date.textProperty().bindBidirectional(vm.closedOnProperty());
        VBox dateField = Ui.field(t("casework.closedOn"), date, vm.errorProperty("closedOn"));
        VBox outcomes = new VBox(8);
        Runnable render = () -> {
            outcomes.getChildren().clear();
            for (CaseViewModel.OutcomeLine line : vm.outcomes()) {
                CheckBox box = new CheckBox(line.choice().label());
                box.setId("case-outcome-" + line.choice().code());
                box.setWrapText(true);
                box.setMinHeight(44);
                box.selectedProperty().bindBidirectional(line.selectedProperty());
                VBox row = new VBox(4, box);
                box.setMaxWidth(Double.MAX_VALUE);
                if (line.withAmount()) {
                    TextField amount = new TextField();
                    amount.setId("case-outcome-amount-" + line.choice().code());
                    amount.setPromptText(t("casework.outcome.amount"));
                    amount.setMaxWidth(200);
                    amount.setMinHeight(44);
                    amount.textProperty().bindBidirectional(line.amountProperty());
                    amount.disableProperty().bind(line.selectedProperty().not());
                    Ui.showWhen(amount, line.selectedProperty());
                    VBox.setMargin(amount, new javafx.geometry.Insets(0, 0, 0, 28));
                    row.getChildren().add(amount);
                }
                outcomes.getChildren().add(row);
            }
        };
        vm.outcomes().addListener((ListChangeListener<CaseViewModel.OutcomeLine>) c -> render.run());
        render.run();
        Label outcomesError = Ui.bound(vm.errorProperty("outcomes"), Styles.FIELD_ERROR);
        Ui.hideWhenBlank(outcomesError);
        Button close = Ui.button(t("casework.close"), Material2AL.DONE_ALL, Styles.DANGER);
        close.setId("case-close");
        close.setOnAction(e -> vm.close());
        VBox card = Ui.card(
                Ui.label(t("casework.closing.title"), Styles.SECTION_TITLE),
                Ui.row(reason, dateField),
                Ui.label(t("casework.outcomes"), Styles.FIELD_LABEL),
                outcomes,
                outcomesError,
                close);
        card.setSpacing(10);
        Ui.showWhen(card, vm.hasCaseProperty());
        return card;
    }

    private Node requestsCard() {
        VBox list = new VBox(8);
        list.setId("case-requests");
        Label empty = Ui.label(t("casework.requests.empty"), Styles.MUTED);
        Runnable render = () -> {
            list.getChildren().clear();
            if (vm.requests().isEmpty()) {
                list.getChildren().add(empty);
            }
            for (CaseViewModel.RequestRow r : vm.requests()) {
                Label heading = Ui.label(r.heading(), Styles.ITEM_TITLE);
                Label details = Ui.label(r.details(), Styles.MUTED);
                Ui.hideWhenBlank(details);
                Label urgencies = Ui.label(r.urgencies(), Styles.REMINDER);
                Ui.hideWhenBlank(urgencies);
                javafx.scene.control.ComboBox<fr.mediance.app.core.casework.Choice> status =
                        new javafx.scene.control.ComboBox<>(
                                javafx.collections.FXCollections.observableArrayList(vm.requestStatusOptions()));
                status.setId("request-status-" + r.id());
                status.setAccessibleText(t("casework.request.status"));
                status.setMinHeight(44);
                fr.mediance.app.shell.CodeChoices.showLabels(status, fr.mediance.app.core.casework.Choice::label);
                status.getItems().stream()
                        .filter(c -> c.code().equals(r.statusCode()))
                        .findFirst()
                        .ifPresent(status::setValue);
                status.valueProperty().addListener((o, a, c) -> {
                    if (c != null && !c.code().equals(r.statusCode())) {
                        vm.setRequestStatus(r.id(), c.code());
                    }
                });
                VBox item = new VBox(4, heading, details, urgencies, status);
                item.getStyleClass().add(Styles.LIST_ITEM);
                list.getChildren().add(item);
            }
        };
        vm.requests().addListener((ListChangeListener<CaseViewModel.RequestRow>) c -> render.run());
        render.run();

        VBox channel = Ui.field(
                t("casework.channel"),
                Choices.combo(
                        "request-channel",
                        javafx.collections.FXCollections.observableArrayList(vm.channelOptions()),
                        vm.channelProperty()),
                vm.errorProperty("channel"));
        VBox referrer = Ui.field(
                t("casework.referrer"),
                Choices.combo("request-referrer", vm.referrerOptions(), vm.referrerProperty()),
                vm.errorProperty("referrer"));
        TextField received = new TextField();
        received.setId("request-received-on");
        received.textProperty().bindBidirectional(vm.receivedOnProperty());
        received.setPromptText(t("casework.receivedOn.prompt"));
        VBox receivedField = Ui.field(t("casework.receivedOn"), received, vm.errorProperty("receivedOn"));
        VBox domains = new VBox(
                6,
                Ui.label(t("casework.domains"), Styles.FIELD_LABEL),
                Choices.chips("request-domain-", vm.domainOptions(), vm.requestDomains()));
        FlowPane urgencies = new FlowPane(12, 8);
        for (String u : Casework.URGENCIES) {
            CheckBox box = new CheckBox(t("casework.urgency." + u));
            box.setId("request-urgency-" + u);
            box.setMinHeight(44);
            box.selectedProperty().bindBidirectional(vm.urgencyProperty(u));
            urgencies.getChildren().add(box);
        }
        TextField court = new TextField();
        court.setId("request-court-date");
        court.textProperty().bindBidirectional(vm.courtDateProperty());
        VBox courtField = Ui.field(t("casework.courtDate"), court, vm.errorProperty("courtDate"));
        Ui.showWhen(courtField, vm.urgencyProperty(Casework.URGENCY_COURT_DATE));
        TextArea description = new TextArea();
        description.setId("request-description");
        description.setPrefRowCount(2);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        VBox descriptionField = Ui.field(t("casework.description"), description, vm.errorProperty("description"));
        Button record = Ui.button(t("casework.request.record"), Material2MZ.SEND, Styles.PRIMARY);
        record.setId("request-record");
        record.setOnAction(e -> vm.recordRequest());
        VBox form = new VBox(
                10,
                Ui.label(t("casework.request.new"), Styles.CARD_TITLE),
                Ui.row(channel, referrer, receivedField),
                domains,
                Ui.label(t("casework.urgencies"), Styles.FIELD_LABEL),
                urgencies,
                courtField,
                descriptionField,
                record);
        VBox card = Ui.card(Ui.label(t("casework.requests"), Styles.SECTION_TITLE), list, form);
        card.setSpacing(12);
        return card;
    }

    private Node historyCard() {
        VBox list = new VBox(8);
        Runnable render = () -> {
            list.getChildren().clear();
            for (CaseViewModel.PastCase k : vm.history()) {
                Label outcomes = Ui.label(k.outcomes(), Styles.MUTED);
                Ui.hideWhenBlank(outcomes);
                VBox item = new VBox(4, Ui.label(k.heading(), Styles.ITEM_TITLE), outcomes);
                item.getStyleClass().add(Styles.LIST_ITEM);
                list.getChildren().add(item);
            }
        };
        vm.history().addListener((ListChangeListener<CaseViewModel.PastCase>) c -> render.run());
        render.run();
        VBox card = Ui.card(Ui.label(t("casework.history"), Styles.SECTION_TITLE), list);
        Ui.showWhen(card, Bindings.isNotEmpty(vm.history()));
        return card;
    }
}
