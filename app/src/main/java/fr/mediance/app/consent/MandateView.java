package fr.mediance.app.consent;

import fr.mediance.app.core.consent.MandateViewModel;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.signature.SignaturePad;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * "Signer un mandat": démarches, creditors, duration with the computed end date, first day, place, the
 * declaration, and the resident's and the counsellor's signatures. A resident under protection sees whom to
 * contact instead.
 */
public final class MandateView extends BasicScreen {

    private final MandateViewModel vm;
    private final ResourceBundle texts;
    private final String residentName;
    private final FlowPane demarches = new FlowPane(8, 8);

    public MandateView(MandateViewModel vm, ResourceBundle texts, String residentName) {
        super(texts.getString("mandate.title"));
        this.vm = vm;
        this.texts = texts;
        this.residentName = residentName;
    }

    @Override
    protected Node build() {
        Label blocked = Ui.bound(vm.blockedProperty(), Styles.REMINDER);
        blocked.setId("mandate-blocked");
        blocked.setGraphic(Icons.of(Material2AL.GAVEL));
        VBox blockedCard = Ui.card(Ui.label(texts.getString("mandate.blocked.title"), Styles.SECTION_TITLE), blocked);
        blockedCard.visibleProperty().bind(vm.blockedProperty().isNotEmpty());
        blockedCard.managedProperty().bind(blockedCard.visibleProperty());

        demarches.setId("mandate-demarches");
        vm.domains().addListener((ListChangeListener<CodeItem>) c -> renderDemarches());
        renderDemarches();
        VBox demarchesField = new VBox(
                6, Ui.label(texts.getString("mandate.demarches"), Styles.FIELD_LABEL), demarches, error("demarches"));

        TextField creditors = new TextField();
        creditors.setId("mandate-creditors");
        creditors.setMinHeight(44);
        creditors.setPromptText(texts.getString("mandate.creditors.prompt"));
        creditors.textProperty().bindBidirectional(vm.creditorsProperty());

        ComboBox<CodeItem> duration = new ComboBox<>(vm.durations());
        duration.setId("mandate-duration");
        duration.setMinHeight(44);
        duration.setCellFactory(l -> CodeChoices.cell());
        duration.setButtonCell(CodeChoices.cell());
        duration.valueProperty()
                .addListener((o, a, item) -> vm.durationProperty().set(item == null ? null : item.code()));
        TextField start = new TextField();
        start.setId("mandate-startDate");
        start.setMinHeight(44);
        start.setPromptText(texts.getString("resident.date.prompt"));
        start.textProperty().bindBidirectional(vm.startDateProperty());
        Label end = Ui.bound(vm.endDateProperty(), Styles.ITEM_TITLE);
        end.setId("mandate-endDate");

        TextField place = new TextField();
        place.setId("mandate-place");
        place.setMinHeight(44);
        place.textProperty().bindBidirectional(vm.placeProperty());

        CheckBox declaration = new CheckBox(texts.getString("mandate.declaration"));
        declaration.setId("mandate-declaration");
        declaration.setWrapText(true);
        declaration.setMinHeight(44);
        declaration.selectedProperty().bindBidirectional(vm.notUnderProtectionProperty());

        SignaturePad residentPad = new SignaturePad(
                java.text.MessageFormat.format(texts.getString("mandate.signature.resident"), residentName),
                texts.getString("signature.clear"));
        residentPad.setId("mandate-resident-pad");
        residentPad
                .signatureProperty()
                .addListener((o, a, s) -> vm.residentSignatureProperty().set(s));
        SignaturePad agentPad =
                new SignaturePad(texts.getString("mandate.signature.agent"), texts.getString("signature.clear"));
        agentPad.setId("mandate-agent-pad");
        agentPad.signatureProperty()
                .addListener((o, a, s) -> vm.agentSignatureProperty().set(s));

        Label formError = Ui.bound(vm.formErrorProperty(), Styles.FORM_ERROR);
        formError.setId("mandate-form-error");
        Ui.hideWhenBlank(formError);
        Button sign = Ui.button(texts.getString("mandate.sign"), Material2AL.GESTURE, Styles.PRIMARY);
        sign.setId("mandate-sign");
        sign.setMinHeight(44);
        sign.setMaxWidth(Double.MAX_VALUE);
        sign.disableProperty().bind(vm.busyProperty());
        sign.setOnAction(e -> vm.sign());

        VBox form = new VBox(
                16,
                Ui.card(
                        Ui.label(texts.getString("mandate.scope"), Styles.SECTION_TITLE),
                        demarchesField,
                        Ui.field(texts.getString("mandate.creditors"), creditors, vm.errorProperty("creditors"))),
                Ui.card(
                        Ui.label(texts.getString("mandate.when"), Styles.SECTION_TITLE),
                        Ui.row(
                                Ui.field(texts.getString("mandate.duration"), duration, vm.errorProperty("duration")),
                                Ui.field(texts.getString("mandate.startDate"), start, vm.errorProperty("startDate"))),
                        end,
                        Ui.field(texts.getString("mandate.place"), place, vm.errorProperty("place"))),
                Ui.card(
                        Ui.label(texts.getString("mandate.signatures"), Styles.SECTION_TITLE),
                        Ui.label(texts.getString("mandate.text"), Styles.HINT),
                        declaration,
                        error("notUnderProtection"),
                        residentPad,
                        error("residentSignature"),
                        agentPad,
                        error("agentSignature")),
                formError,
                sign);
        form.visibleProperty().bind(vm.blockedProperty().isEmpty());
        form.managedProperty().bind(form.visibleProperty());
        return Ui.page(new VBox(16, blockedCard, form));
    }

    private Label error(String field) {
        Label l = Ui.bound(vm.errorProperty(field), Styles.FIELD_ERROR);
        l.setId("mandate-" + field + "-error");
        Ui.hideWhenBlank(l);
        return l;
    }

    private void renderDemarches() {
        demarches.getChildren().clear();
        for (CodeItem d : vm.domains()) {
            CheckBox c = new CheckBox(d.labelOrCode());
            c.setId("mandate-demarche-" + d.code());
            c.setMinHeight(44);
            c.setMnemonicParsing(false);
            c.setSelected(vm.demarches().contains(d.code()));
            c.selectedProperty().addListener((o, a, b) -> vm.toggleDemarche(d.code(), b));
            demarches.getChildren().add(c);
        }
    }
}
