package fr.mediance.app.partner;

import fr.mediance.app.core.partner.PartnerFormViewModel;
import fr.mediance.app.core.partner.PartnerFormViewModel.ServiceForm;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The office's form of a directory partner: code, type, name, website, the debt categories it is a creditor for,
 * then each service (name, address, postcode, city, phone, e-mail, hours, documents required, note) with « Ajouter un
 * service »; « Enregistrer » and « Désactiver ». Each problem shows beside its field, the typed text kept.
 */
public final class PartnerFormView extends BasicScreen {

    private final PartnerFormViewModel vm;
    private final ResourceBundle texts;
    private final VBox services = new VBox(12);

    public PartnerFormView(PartnerFormViewModel vm, ResourceBundle texts) {
        super(texts.getString("partner.form.title"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        TextField id = text("partner-form-id", vm.idProperty());
        id.disableProperty().bind(vm.creatingProperty().not());
        ComboBox<fr.mediance.app.core.reference.CodeItem> type =
                CodeChoices.combo("partner-form-type", vm.typeChoices(), vm.typeProperty());
        TextField name = text("partner-form-name", vm.nameProperty());
        TextField website = text("partner-form-website", vm.websiteProperty());
        VBox head = Ui.card(
                Ui.label(texts.getString("partner.form.privacy"), Styles.HINT),
                Ui.row(
                        Ui.field(texts.getString("partner.form.id"), id, vm.error("id")),
                        Ui.field(texts.getString("partner.form.type"), type, vm.error("type"))),
                Ui.field(texts.getString("partner.form.name"), name, vm.error("name")),
                Ui.field(texts.getString("partner.form.website"), website, vm.error("website")),
                Ui.label(texts.getString("partner.form.categories"), Styles.FIELD_LABEL),
                CodeChoices.chips(
                        vm.categoryChoices(),
                        vm.categories(),
                        vm::toggleCategory,
                        "partner-form-category-",
                        new SimpleBooleanProperty(false)),
                errorLine(vm.error("categories")));
        head.setSpacing(8);

        services.setId("partner-form-services");
        vm.services().addListener((ListChangeListener<ServiceForm>) c -> renderServices());
        renderServices();
        Button addService = Ui.button(texts.getString("partner.form.service.add"), Material2AL.ADD, Styles.SECONDARY);
        addService.setId("partner-form-service-add");
        addService.setMinHeight(44);
        addService.setOnAction(e -> vm.addService());

        Label formError = Ui.bound(vm.formErrorProperty(), Styles.FORM_ERROR);
        formError.setId("partner-form-error");
        Ui.hideWhenBlank(formError);
        Button save = Ui.button(texts.getString("partner.form.save"), Material2MZ.SAVE, Styles.PRIMARY);
        save.setId("partner-form-save");
        save.setMinHeight(44);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());
        Button deactivate = Ui.button(texts.getString("partner.form.deactivate"), Material2AL.BLOCK, Styles.DANGER);
        deactivate.setId("partner-form-deactivate");
        deactivate.setMinHeight(44);
        deactivate.disableProperty().bind(vm.busyProperty());
        deactivate.setOnAction(e -> vm.deactivate());
        Ui.showWhen(deactivate, vm.creatingProperty().not().and(vm.activeProperty()));
        HBox actions = new HBox(10, save, deactivate);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox column = new VBox(
                14,
                head,
                Ui.label(texts.getString("partner.form.services"), Styles.SECTION_TITLE),
                services,
                addService,
                formError,
                actions);
        column.setId("partner-form");
        return Ui.page(column);
    }

    private void renderServices() {
        services.getChildren().clear();
        int i = 0;
        for (ServiceForm s : vm.services()) {
            services.getChildren().add(service(s, i++));
        }
    }

    private VBox service(ServiceForm s, int index) {
        String p = "partner-form-service-" + index + "-";
        TextField name = text(p + "name", s.nameProperty());
        TextField address = text(p + "address", s.addressProperty());
        TextField postcode = text(p + "postcode", s.postcodeProperty());
        TextField city = text(p + "city", s.cityProperty());
        TextField phone = text(p + "phone", s.phoneProperty());
        TextField email = text(p + "email", s.emailProperty());
        TextField hours = text(p + "hours", s.hoursProperty());
        TextArea note = new TextArea();
        note.setId(p + "note");
        note.setPrefRowCount(2);
        note.setWrapText(true);
        note.textProperty().bindBidirectional(s.noteProperty());
        Button remove = Ui.button(
                texts.getString("partner.form.service.remove"), Material2MZ.REMOVE_CIRCLE_OUTLINE, Styles.SECONDARY);
        remove.setId(p + "remove");
        remove.setMinHeight(44);
        remove.setOnAction(e -> vm.removeService(s));
        HBox top = new HBox(
                10,
                Ui.label(texts.getString("partner.form.service") + " " + (index + 1), Styles.CARD_TITLE),
                Ui.spacer(),
                remove);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = Ui.card(
                top,
                Ui.field(texts.getString("partner.form.service.name"), name, s.error("name")),
                Ui.field(texts.getString("partner.form.service.address"), address, s.error("address")),
                Ui.row(
                        Ui.field(texts.getString("partner.form.service.postcode"), postcode, s.error("postcode")),
                        Ui.field(texts.getString("partner.form.service.city"), city, s.error("city"))),
                Ui.row(
                        Ui.field(texts.getString("partner.form.service.phone"), phone, s.error("phone")),
                        Ui.field(texts.getString("partner.form.service.email"), email, s.error("email"))),
                Ui.field(texts.getString("partner.form.service.hours"), hours, s.error("hours")),
                Ui.label(texts.getString("partner.form.service.documents"), Styles.FIELD_LABEL),
                CodeChoices.chips(
                        vm.documentChoices(),
                        s.documents(),
                        s::toggleDocument,
                        p + "document-",
                        new SimpleBooleanProperty(false)),
                errorLine(s.error("documents")),
                Ui.field(texts.getString("partner.form.service.note"), note, s.error("note")));
        box.setSpacing(8);
        box.setId(p.substring(0, p.length() - 1));
        return box;
    }

    private static TextField text(String id, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setMinHeight(44);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static Label errorLine(javafx.beans.value.ObservableValue<String> error) {
        Label l = Ui.bound(error, Styles.FIELD_ERROR);
        Ui.hideWhenBlank(l);
        return l;
    }
}
