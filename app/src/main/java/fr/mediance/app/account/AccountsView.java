package fr.mediance.app.account;

import fr.mediance.app.core.account.AccountsViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.AccountDto;
import fr.mediance.protocol.DeviceDto;
import fr.mediance.protocol.Role;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * « Comptes »: the accounts the admin or the office manages (role, state, last sync), a new account, and the devices
 * of the chosen account with their last sync, to revoke a lost one (remote wipe). Desktop first, fits a tablet.
 */
public final class AccountsView extends BasicScreen {
    private final AccountsViewModel vm;
    private final ResourceBundle texts;
    private final Role manager;

    public AccountsView(AccountsViewModel vm, ResourceBundle texts, Role manager) {
        super(texts.getString("nav.accounts"));
        this.vm = vm;
        this.texts = texts;
        this.manager = manager;
    }

    @Override
    protected Node build() {
        Label message = Ui.bound(vm.messageProperty(), Styles.HINT);
        message.setId("accounts-message");
        message.setWrapText(true);
        Ui.hideWhenBlank(message);
        Label error = Ui.bound(vm.errorProperty(), Styles.FORM_ERROR);
        error.setId("accounts-error");
        Ui.hideWhenBlank(error);

        TextField username = new TextField();
        username.setId("account-new-username");
        username.textProperty().bindBidirectional(vm.newUsernameProperty());
        TextField name = new TextField();
        name.setId("account-new-name");
        name.textProperty().bindBidirectional(vm.newDisplayNameProperty());
        ChoiceBox<Role> role = new ChoiceBox<>();
        role.setId("account-new-role");
        role.getItems().setAll(AccountsViewModel.rolesFor(manager));
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : texts.getString("role." + r.code());
            }

            @Override
            public Role fromString(String s) {
                return null;
            }
        });
        role.valueProperty().bindBidirectional(vm.newRoleProperty());
        Button create = Ui.button("Créer le compte", Material2MZ.PERSON_ADD, Styles.PRIMARY);
        create.setId("account-create");
        create.disableProperty().bind(vm.busyProperty());
        create.setOnAction(e -> vm.create());
        VBox newAccount = Ui.card(
                Ui.label("Nouveau compte", Styles.CARD_TITLE),
                Ui.row(
                        Ui.field("Identifiant", username, null),
                        Ui.field("Nom affiché", name, null),
                        Ui.field("Rôle", role, null)),
                Ui.label(
                        "Un mot de passe provisoire est affiché une seule fois, à changer à la première connexion. "
                                + "Les comptes bureau et administration enregistrent alors leur second facteur.",
                        Styles.HINT),
                create);

        VBox list = new VBox(8);
        list.setId("accounts-list");
        Runnable fill = () -> {
            list.getChildren().clear();
            for (AccountDto a : vm.accounts()) {
                list.getChildren().add(accountRow(a));
            }
        };
        vm.accounts().addListener((ListChangeListener<AccountDto>) c -> fill.run());
        fill.run();

        VBox devices = new VBox(8);
        devices.setId("accounts-devices");
        Label devicesTitle = new Label();
        devicesTitle.getStyleClass().add(Styles.CARD_TITLE);
        devicesTitle.textProperty().bind(vm.selectedProperty().map(a -> "Appareils de " + a.displayName()));
        Runnable fillDevices = () -> {
            devices.getChildren().clear();
            if (vm.devices().isEmpty()) {
                devices.getChildren().add(Ui.label("Aucun appareil connecté.", Styles.MUTED));
            }
            for (DeviceDto d : vm.devices()) {
                devices.getChildren().add(deviceRow(d));
            }
        };
        vm.devices().addListener((ListChangeListener<DeviceDto>) c -> fillDevices.run());
        VBox devicesCard = Ui.card(devicesTitle, devices);
        Ui.showWhen(devicesCard, vm.selectedProperty().isNotNull());

        VBox column = new VBox(
                16,
                message,
                error,
                Ui.card(Ui.label("Comptes de la structure", Styles.CARD_TITLE), list),
                devicesCard,
                newAccount);
        column.setId("accounts-root");
        return Ui.page(column);
    }

    private Node accountRow(AccountDto a) {
        Label who = Ui.label(a.displayName() + " · " + a.username(), Styles.SECTION_TITLE);
        Label what = Ui.label(
                texts.getString("role." + a.role().code()) + " · " + AccountsViewModel.state(a)
                        + " · dernière synchronisation : " + vm.when(a.lastSyncAt()),
                Styles.MUTED);
        what.setWrapText(true);
        VBox text = new VBox(2, who, what);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button devices = Ui.button("Appareils", Material2AL.DEVICES, Styles.SECONDARY);
        devices.setId("account-devices-" + a.username());
        devices.setOnAction(e -> vm.showDevices(a));
        Button reset = Ui.button("Réinitialiser", Material2MZ.VPN_KEY, Styles.SECONDARY);
        reset.setId("account-reset-" + a.username());
        reset.setOnAction(e -> vm.reset(a));
        Button toggle = Ui.button(
                a.active() ? "Désactiver" : "Réactiver",
                a.active() ? Material2AL.BLOCK : Material2AL.CHECK_CIRCLE,
                a.active() ? Styles.DANGER : Styles.SECONDARY);
        toggle.setId("account-toggle-" + a.username());
        toggle.setOnAction(e -> vm.setActive(a, !a.active()));
        FlowPane actions = new FlowPane(8, 8, devices, reset, toggle);
        VBox row = new VBox(6, text, actions);
        row.getStyleClass().add(Styles.FIELD);
        row.setId("account-" + a.username());
        return row;
    }

    private Node deviceRow(DeviceDto d) {
        Label id = Ui.label(
                "Appareil " + d.deviceId().substring(0, Math.min(8, d.deviceId().length()))
                        + (d.appVersion() == null ? "" : " · version " + d.appVersion()),
                Styles.SECTION_TITLE);
        Label when = Ui.label(
                "Dernière synchronisation : " + vm.when(d.lastSyncAt()) + " · vu le " + vm.when(d.lastSeenAt()) + " · "
                        + vm.deviceState(d),
                Styles.MUTED);
        when.setWrapText(true);
        Button revoke = Ui.button("Retirer et effacer", Material2AL.DELETE_FOREVER, Styles.DANGER);
        revoke.setId("device-revoke-" + d.id());
        revoke.setDisable(d.revokedAt() != null);
        revoke.setOnAction(e -> vm.revoke(d));
        VBox row = new VBox(6, id, when, revoke);
        row.getStyleClass().add(Styles.FIELD);
        return row;
    }
}
