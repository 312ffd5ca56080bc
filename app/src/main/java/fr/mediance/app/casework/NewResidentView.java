package fr.mediance.app.casework;

import fr.mediance.app.core.casework.NewResidentViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Nouveau dossier": a new resident's identity and address, typed on the tablet offline; possible duplicates on the
 * tablet are listed in a warning before a second, explicit "Créer quand même".
 */
public final class NewResidentView extends BasicScreen {
    private final NewResidentViewModel vm;
    private final ResourceBundle texts;

    public NewResidentView(NewResidentViewModel vm, ResourceBundle texts) {
        super(texts.getString("newResident.title"));
        this.vm = vm;
        this.texts = texts;
    }

    private String t(String key) {
        return texts.getString(key);
    }

    private VBox field(String id, String key, StringProperty value) {
        TextField f = new TextField();
        f.setId("new-resident-" + id);
        f.setMinHeight(44);
        f.textProperty().bindBidirectional(value);
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now && (id.equals("lastName") || id.equals("firstName") || id.equals("birthDate"))) {
                vm.checkDuplicates();
            }
        });
        return Ui.field(t(key), f, vm.errorProperty(id));
    }

    @Override
    protected Node build() {
        Label note = Ui.label(t("newResident.referentNote"), Styles.HINT);
        VBox identity = Ui.card(
                Ui.row(
                        field("lastName", "newResident.lastName", vm.lastNameProperty()),
                        field("firstName", "newResident.firstName", vm.firstNameProperty())),
                Ui.row(
                        field("birthDate", "newResident.birthDate", vm.birthDateProperty()),
                        field("phone", "newResident.phone", vm.phoneProperty())),
                field("street", "newResident.street", vm.streetProperty()),
                Ui.row(
                        field("postcode", "newResident.postcode", vm.postcodeProperty()),
                        field("city", "newResident.city", vm.cityProperty())));
        identity.setSpacing(10);

        VBox duplicates = new VBox(6);
        duplicates.setId("new-resident-duplicates");
        Label warning = Ui.label(t("newResident.duplicates"), Styles.REMINDER);
        warning.setGraphic(Icons.of(Material2AL.ERROR_OUTLINE));
        Runnable render = () -> {
            duplicates.getChildren().setAll(warning);
            for (String d : vm.duplicates()) {
                duplicates.getChildren().add(Ui.label("• " + d, Styles.ITEM_TITLE));
            }
        };
        vm.duplicates().addListener((ListChangeListener<String>) c -> render.run());
        render.run();
        VBox duplicatesCard = Ui.card(duplicates);
        Ui.showWhen(duplicatesCard, Bindings.isNotEmpty(vm.duplicates()));

        Button create = Ui.button("", Material2MZ.PERSON_ADD, Styles.PRIMARY);
        create.setId("new-resident-create");
        create.textProperty()
                .bind(Bindings.when(vm.confirmNeededProperty())
                        .then(t("newResident.createAnyway"))
                        .otherwise(t("newResident.create")));
        create.setOnAction(e -> vm.create());
        create.setMaxWidth(Double.MAX_VALUE);
        create.setMinHeight(48);
        return Ui.page(new VBox(14, note, identity, duplicatesCard, create));
    }
}
