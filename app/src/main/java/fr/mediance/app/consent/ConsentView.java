package fr.mediance.app.consent;

import fr.mediance.app.core.consent.ConsentViewModel;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.signature.SignaturePad;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** "Consentements": the information notice given, and consents per scope, each signed on the pad if wished. */
public final class ConsentView extends BasicScreen {

    private final ConsentViewModel vm;
    private final ResourceBundle texts;

    public ConsentView(ConsentViewModel vm, ResourceBundle texts) {
        super(texts.getString("consent.title"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        SignaturePad pad =
                new SignaturePad(texts.getString("consent.signature.hint"), texts.getString("signature.clear"));
        pad.setId("consent-pad");
        pad.signatureProperty().addListener((o, a, s) -> vm.signatureProperty().set(s));
        vm.signatureProperty().addListener((o, a, s) -> {
            if (s == null && !pad.emptyProperty().get()) {
                pad.clear();
            }
        });

        ToggleGroup medium = new ToggleGroup();
        RadioButton paper = radio(texts.getString("consent.medium.paper"), ConsentViewModel.PAPER, medium);
        RadioButton screen = radio(texts.getString("consent.medium.screen"), ConsentViewModel.SCREEN, medium);
        (ConsentViewModel.PAPER.equals(vm.mediumProperty().get()) ? paper : screen).setSelected(true);
        medium.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                vm.mediumProperty().set((String) t.getUserData());
            }
        });
        Label version = Ui.bound(vm.noticeVersionProperty(), Styles.ITEM_TITLE);
        version.setId("consent-notice-version");
        Button notice = Ui.button(texts.getString("consent.notice.record"), Material2AL.DESCRIPTION, Styles.SECONDARY);
        notice.setId("consent-notice-record");
        notice.setMinHeight(44);
        notice.setOnAction(e -> vm.acknowledgeNotice().thenAccept(ok -> {
            if (ok) {
                pad.clear();
            }
        }));

        ComboBox<CodeItem> scope = new ComboBox<>(vm.scopes());
        scope.setId("consent-scope");
        scope.setMinHeight(44);
        scope.setCellFactory(l -> CodeChoices.cell());
        scope.setButtonCell(CodeChoices.cell());
        scope.valueProperty().addListener((o, a, item) -> vm.scopeProperty().set(item == null ? null : item.code()));
        vm.scopeProperty().addListener((o, a, code) -> {
            if (code == null) {
                scope.setValue(null);
            }
        });
        TextField partner = new TextField();
        partner.setId("consent-partner");
        partner.setMinHeight(44);
        partner.textProperty().bindBidirectional(vm.partnerProperty());
        VBox partnerField = Ui.field(texts.getString("consent.partner"), partner, vm.partnerErrorProperty());
        partnerField.visibleProperty().bind(vm.partnerNeededProperty());
        partnerField.managedProperty().bind(partnerField.visibleProperty());
        Button give = Ui.button(texts.getString("consent.give"), Material2MZ.VERIFIED_USER, Styles.PRIMARY);
        give.setId("consent-give");
        give.setMinHeight(44);
        give.setOnAction(e -> vm.give().thenAccept(ok -> {
            if (ok) {
                pad.clear();
            }
        }));
        Label formError = Ui.bound(vm.formErrorProperty(), Styles.FORM_ERROR);
        formError.setId("consent-form-error");
        Ui.hideWhenBlank(formError);

        return Ui.page(new VBox(
                16,
                Ui.card(
                        Ui.label(texts.getString("consent.signature.title"), Styles.SECTION_TITLE),
                        Ui.label(texts.getString("consent.signature.optional"), Styles.HINT),
                        pad),
                Ui.card(
                        Ui.label(texts.getString("consent.notice.title"), Styles.SECTION_TITLE),
                        version,
                        Ui.label(texts.getString("consent.notice.hint"), Styles.HINT),
                        new FlowPane(16, 4, paper, screen),
                        notice),
                Ui.card(
                        Ui.label(texts.getString("consent.scope.title"), Styles.SECTION_TITLE),
                        Ui.field(texts.getString("consent.scope"), scope, vm.scopeErrorProperty()),
                        partnerField,
                        give),
                formError));
    }

    private static RadioButton radio(String text, String value, ToggleGroup group) {
        RadioButton r = new RadioButton(text);
        r.setUserData(value);
        r.setToggleGroup(group);
        r.setMinHeight(44);
        r.setId("consent-medium-" + value);
        return r;
    }
}
