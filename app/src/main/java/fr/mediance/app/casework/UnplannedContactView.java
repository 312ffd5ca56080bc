package fr.mediance.app.casework;

import fr.mediance.app.core.casework.UnplannedContactViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.Casework;
import java.util.ResourceBundle;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Contact sans rendez-vous": with a person (search, channel, domains, urgencies, description, then the report of
 * that kind opens), or anonymous (domains, motifs, what was done, an age band, the duration: nothing that names
 * anyone, as the screen says).
 */
public final class UnplannedContactView extends BasicScreen {
    private final UnplannedContactViewModel vm;
    private final ResourceBundle texts;

    public UnplannedContactView(UnplannedContactViewModel vm, ResourceBundle texts) {
        super(texts.getString("contact.title"));
        this.vm = vm;
        this.texts = texts;
    }

    private String t(String key) {
        return texts.getString(key);
    }

    @Override
    protected Node build() {
        ToggleGroup kind = new ToggleGroup();
        ToggleButton withResident = segment("contact-kind-resident", t("contact.kind.resident"), kind);
        ToggleButton anonymous = segment("contact-kind-anonymous", t("contact.kind.anonymous"), kind);
        kind.selectToggle(vm.anonymousProperty().get() ? anonymous : withResident);
        kind.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                kind.selectToggle(old);
            } else {
                vm.anonymousProperty().set(now == anonymous);
            }
        });
        FlowPane kinds = new FlowPane(8, 8, withResident, anonymous);

        ObservableList<fr.mediance.app.core.casework.Choice> channels =
                FXCollections.observableArrayList(vm.channelOptions());
        vm.anonymousProperty().addListener((o, a, b) -> channels.setAll(vm.channelOptions()));
        VBox channel = Ui.field(
                t("contact.channel"),
                Choices.combo("contact-channel", channels, vm.channelProperty()),
                vm.errorProperty("channel"));
        VBox domains = new VBox(
                6,
                Ui.label(t("casework.domains"), Styles.FIELD_LABEL),
                Choices.chips("contact-domain-", vm.domainOptions(), vm.domains()));
        Label domainsError = Ui.bound(vm.errorProperty("domains"), Styles.FIELD_ERROR);
        domainsError.setId("contact-domains-error");
        Ui.hideWhenBlank(domainsError);
        domains.getChildren().add(domainsError);

        VBox common = Ui.card(kinds, channel, domains);
        common.setSpacing(12);

        VBox resident = residentPart();
        Ui.showWhen(resident, vm.anonymousProperty().not());
        VBox anon = anonymousPart();
        Ui.showWhen(anon, vm.anonymousProperty());
        return Ui.page(new VBox(14, common, resident, anon));
    }

    private static ToggleButton segment(String id, String text, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        b.setMinHeight(44);
        b.setMnemonicParsing(false);
        b.getStyleClass().add(Styles.CHIP);
        return b;
    }

    private VBox residentPart() {
        TextField query = new TextField();
        query.setId("contact-search");
        query.setMinHeight(44);
        query.textProperty().bindBidirectional(vm.queryProperty());
        query.setOnAction(e -> vm.search());
        Button search = Ui.button(t("contact.search.action"), Material2MZ.SEARCH, Styles.SECONDARY);
        search.setId("contact-search-go");
        search.setOnAction(e -> vm.search());
        search.setMinHeight(44);
        HBox.setHgrow(query, Priority.ALWAYS);
        HBox searchRow = new HBox(8, query, search);
        VBox results = new VBox(6);
        results.setId("contact-results");
        vm.found().addListener((ListChangeListener<UnplannedContactViewModel.Found>) c -> {
            results.getChildren().clear();
            for (UnplannedContactViewModel.Found f : vm.found()) {
                Button b = Ui.button(f.text(), Material2MZ.PERSON, Styles.LIST_ITEM);
                b.setMaxWidth(Double.MAX_VALUE);
                b.setMinHeight(44);
                b.setOnAction(e -> {
                    vm.choose(f);
                    results.getChildren().clear();
                });
                results.getChildren().add(b);
            }
        });
        Label chosen = Ui.label("", Styles.ITEM_TITLE);
        chosen.setId("contact-resident");
        chosen.textProperty().bind(vm.residentTextProperty().map(s -> s.isBlank() ? t("contact.resident.none") : s));
        chosen.setGraphic(Icons.of(Material2MZ.PERSON));
        Label residentError = Ui.bound(vm.errorProperty("residentId"), Styles.FIELD_ERROR);
        Ui.hideWhenBlank(residentError);
        VBox who = new VBox(
                8, Ui.label(t("contact.search"), Styles.FIELD_LABEL), searchRow, results, chosen, residentError);

        VBox referrer = Ui.field(
                t("casework.referrer"),
                Choices.combo("contact-referrer", vm.referrerOptions(), vm.referrerProperty()),
                vm.errorProperty("referrer"));
        FlowPane urgencies = new FlowPane(12, 8);
        for (String u : Casework.URGENCIES) {
            CheckBox box = new CheckBox(t("casework.urgency." + u));
            box.setId("contact-urgency-" + u);
            box.setMinHeight(44);
            box.selectedProperty().bindBidirectional(vm.urgencyProperty(u));
            urgencies.getChildren().add(box);
        }
        TextField court = new TextField();
        court.setId("contact-court-date");
        court.textProperty().bindBidirectional(vm.courtDateProperty());
        VBox courtField = Ui.field(t("casework.courtDate"), court, vm.errorProperty("courtDate"));
        Ui.showWhen(courtField, vm.urgencyProperty(Casework.URGENCY_COURT_DATE));
        TextArea description = new TextArea();
        description.setId("contact-description");
        description.setPrefRowCount(2);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        VBox descriptionField = Ui.field(t("casework.description"), description, vm.errorProperty("description"));
        Button start = Ui.button(t("contact.start"), Material2AL.ASSIGNMENT, Styles.PRIMARY);
        start.setId("contact-start");
        start.setMaxWidth(Double.MAX_VALUE);
        start.setMinHeight(48);
        start.setOnAction(e -> vm.start());
        VBox card = Ui.card(
                who,
                referrer,
                Ui.label(t("casework.urgencies"), Styles.FIELD_LABEL),
                urgencies,
                courtField,
                descriptionField,
                start);
        card.setSpacing(12);
        return card;
    }

    private VBox anonymousPart() {
        Label note = Ui.label(t("contact.anonymous.note"), Styles.REMINDER);
        note.setId("contact-anonymous-note");
        note.setGraphic(Icons.of(Material2MZ.VISIBILITY_OFF));
        VBox motifs = new VBox(
                6,
                Ui.label(t("contact.motifs"), Styles.FIELD_LABEL),
                Choices.chips("contact-motif-", vm.motifOptions(), vm.motifs()));
        VBox actions = new VBox(
                6,
                Ui.label(t("contact.actions"), Styles.FIELD_LABEL),
                Choices.chips("contact-action-", vm.actionTypeOptions(), vm.actionTypes()));
        VBox ageBand = Ui.field(
                t("contact.ageBand"),
                Choices.combo(
                        "contact-age-band",
                        FXCollections.observableArrayList(vm.ageBandOptions()),
                        vm.ageBandProperty()),
                vm.errorProperty("ageBand"));
        TextField duration = new TextField();
        duration.setId("contact-duration");
        duration.setMinHeight(44);
        duration.textProperty().bindBidirectional(vm.durationProperty());
        VBox durationField = Ui.field(t("contact.duration"), duration, vm.errorProperty("durationMinutes"));
        Button record = Ui.button(t("contact.anonymous.record"), Material2MZ.SAVE, Styles.PRIMARY);
        record.setId("contact-anonymous-record");
        record.setMaxWidth(Double.MAX_VALUE);
        record.setMinHeight(48);
        record.setOnAction(e -> vm.recordAnonymous());
        VBox card = Ui.card(note, motifs, actions, Ui.row(ageBand, durationField), record);
        card.setSpacing(12);
        return card;
    }
}
