package fr.mediance.app.gdpr;

import fr.mediance.app.core.gdpr.RightsRequestsViewModel;
import fr.mediance.app.core.gdpr.RightsRequestsViewModel.Choice;
import fr.mediance.app.core.gdpr.RightsRequestsViewModel.Row;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.shell.WholeListTable;
import fr.mediance.app.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * « Demandes RGPD », desktop first: the register (open requests first by due day, the overdue ones marked), and the
 * form that records a request or extends and answers the one tapped, with the messages beside the fields.
 */
public final class RightsRequestsView extends BasicScreen {
    static final double ROW_HEIGHT = 44;

    private final RightsRequestsViewModel vm;

    public RightsRequestsView(RightsRequestsViewModel vm) {
        super("Demandes RGPD");
        this.vm = vm;
    }

    @Override
    protected Node build() {
        Label intro = Ui.label(
                "Demandes d'accès, de rectification, d'effacement, de limitation ou d'opposition : réponse dans le "
                        + "mois qui suit la réception, prolongeable de deux mois avec un motif donné à la personne "
                        + "(RGPD art. 12).",
                Styles.MUTED);
        intro.setWrapText(true);
        Label summary = Ui.bound(vm.summaryProperty(), Styles.CARD_TITLE);
        summary.setId("gdpr-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Label.USE_PREF_SIZE);
        Label loadError = Ui.bound(vm.loadErrorProperty(), Styles.FORM_ERROR);
        loadError.setId("gdpr-load-error");
        Ui.hideWhenBlank(loadError);
        Button add = Ui.button("Nouvelle demande", Material2AL.ADD, Styles.SECONDARY);
        add.setId("gdpr-new");
        add.setOnAction(e -> vm.startNew());
        add.setMinWidth(Button.USE_PREF_SIZE);
        HBox.setHgrow(summary, javafx.scene.layout.Priority.ALWAYS);
        HBox top = new HBox(12, summary, add);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox column = new VBox(14, intro, top, loadError, table(), form());
        column.setId("gdpr-screen");
        return Ui.page(column);
    }

    private TableView<Row> table() {
        TableView<Row> table = WholeListTable.of(
                vm.rows(),
                ROW_HEIGHT,
                () -> new TableRow<>() {
                    @Override
                    protected void updateItem(Row item, boolean empty) {
                        super.updateItem(item, empty);
                        getStyleClass().remove("gdpr-overdue");
                        setStyle("");
                        if (!empty && item != null && item.overdue()) {
                            getStyleClass().add("gdpr-overdue");
                            setStyle("-fx-background-color: -color-danger-subtle;");
                        }
                    }
                },
                vm::edit);
        table.setId("gdpr-requests");
        table.getColumns().add(WholeListTable.column("Personne", Row::person, 2.5));
        table.getColumns().add(WholeListTable.column("Demande", Row::kind, 2));
        table.getColumns().add(WholeListTable.column("Reçue le", Row::received, 1.5));
        table.getColumns().add(WholeListTable.column("Réponse due le", Row::due, 2));
        table.getColumns().add(WholeListTable.column("État", Row::status, 2.5));
        return table;
    }

    private Node form() {
        ComboBox<Choice> person = new ComboBox<>(vm.residents());
        person.setId("gdpr-resident");
        person.setPromptText("Choisir la personne");
        person.valueProperty().bindBidirectional(vm.residentProperty());
        person.setMaxWidth(Double.MAX_VALUE);
        ComboBox<Choice> kind = new ComboBox<>();
        kind.getItems().setAll(vm.kinds());
        kind.setId("gdpr-kind");
        kind.valueProperty().bindBidirectional(vm.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        TextField received = text("gdpr-received", vm.receivedOnProperty());
        CheckBox extended = new CheckBox("Prolongée de deux mois");
        extended.setId("gdpr-extended");
        extended.selectedProperty().bindBidirectional(vm.extendedProperty());
        TextField reason = text("gdpr-extension-reason", vm.extensionReasonProperty());
        ComboBox<Choice> status = new ComboBox<>();
        status.getItems().setAll(vm.statuses());
        status.setId("gdpr-status");
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        TextField answered = text("gdpr-answered", vm.answeredOnProperty());
        TextField answer = text("gdpr-answer", vm.answerProperty());

        Label formError = Ui.bound(vm.errorProperty("form"), Styles.FORM_ERROR);
        formError.setId("gdpr-form-error");
        Ui.hideWhenBlank(formError);
        Button save = Ui.button("Enregistrer", Material2MZ.SAVE, Styles.PRIMARY);
        save.setId("gdpr-save");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());

        VBox card = Ui.card(
                Ui.bound(vm.formTitleProperty(), Styles.CARD_TITLE),
                Ui.row(
                        Ui.field("Personne", person, vm.errorProperty("residentId")),
                        Ui.field("Type de demande", kind, vm.errorProperty("kind"))),
                Ui.row(
                        Ui.field("Reçue le", received, vm.errorProperty("receivedOn")),
                        Ui.field("État", status, vm.errorProperty("status"))),
                extended,
                Ui.field("Motif de la prolongation", reason, vm.errorProperty("extensionReason")),
                Ui.row(
                        Ui.field("Répondue le", answered, vm.errorProperty("answeredOn")),
                        Ui.field("Réponse donnée", answer, vm.errorProperty("answer"))),
                Ui.label(
                        "L'effacement s'exécute depuis le serveur : le dossier est anonymisé, ses documents "
                                + "supprimés (sauf obligation légale).",
                        Styles.HINT,
                        Styles.SMALL),
                formError,
                new HBox(12, save));
        card.setId("gdpr-form");
        card.setSpacing(12);
        return card;
    }

    private static TextField text(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
