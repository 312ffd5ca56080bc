package fr.mediance.app.core.account;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.ServerRequests;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.protocol.AccountDto;
import fr.mediance.protocol.AccountPasswordDto;
import fr.mediance.protocol.AccountRequest;
import fr.mediance.protocol.Accounts;
import fr.mediance.protocol.DeviceDto;
import fr.mediance.protocol.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * « Comptes »: the accounts the signed-in admin (every account of the structure) or office (its counsellors)
 * manages, online: create (a temporary password shown once), reset (new temporary password, second factor enrolled
 * again), disable or enable, and each account's devices with their last sync, to revoke one (its data are wiped
 * after it has sent what it held). Messages in French.
 */
public final class AccountsViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE);

    private final ServerRequests requests;
    private final ZoneId zone;
    private final ObservableList<AccountDto> accounts = FXCollections.observableArrayList();
    private final ObservableList<DeviceDto> devices = FXCollections.observableArrayList();
    private final ObjectProperty<AccountDto> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty newUsername = new SimpleStringProperty(this, "newUsername", "");
    private final StringProperty newDisplayName = new SimpleStringProperty(this, "newDisplayName", "");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(this, "newRole", Role.COUNSELLOR);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public AccountsViewModel(Supplier<Optional<RemoteClient>> remote, ZoneId zone, Executor background, Executor fx) {
        this.zone = zone;
        this.requests = new ServerRequests(
                remote,
                new BackgroundWork(background, fx),
                busy,
                error,
                "Connectez-vous d'abord.",
                "Le serveur n'a pas pu répondre : réessayez.");
    }

    /** The roles the signed-in manager may give. */
    public static java.util.List<Role> rolesFor(Role manager) {
        return java.util.Arrays.stream(Role.values())
                .filter(r -> Accounts.mayManage(manager, r))
                .toList();
    }

    public void refresh() {
        requests.call("loading accounts", RemoteClient::accounts, r -> accounts.setAll(r.accounts()));
    }

    public void create() {
        AccountRequest req = new AccountRequest(newUsername.get(), newDisplayName.get(), newRole.get(), null);
        requests.call("creating an account", c -> c.createAccount(req), r -> {
            newUsername.set("");
            newDisplayName.set("");
            message.set(password(r));
            refresh();
        });
    }

    public void reset(AccountDto account) {
        requests.call("resetting an account", c -> c.resetAccount(account.id()), r -> {
            message.set(password(r));
            refresh();
        });
    }

    public void setActive(AccountDto account, boolean active) {
        AccountRequest req = new AccountRequest(null, null, null, active);
        requests.call("enabling or disabling an account", c -> c.updateAccount(account.id(), req), r -> {
            message.set(
                    active
                            ? "Le compte « " + r.username() + " » est réactivé."
                            : "Le compte « " + r.username() + " » est désactivé : ses sessions sont fermées.");
            refresh();
        });
    }

    public void showDevices(AccountDto account) {
        selected.set(account);
        requests.call("loading devices", c -> c.devices(account.id()), r -> devices.setAll(r.devices()));
    }

    public void revoke(DeviceDto device) {
        requests.call("revoking a device", c -> c.revokeDevice(device.id()), r -> {
            message.set("Appareil retiré : il enverra ce qu'il détient encore, puis ses données seront effacées "
                    + "(au plus tard à sa première connexion après le " + when(r.wipeAfter()) + ").");
            AccountDto a = selected.get();
            if (a != null) {
                showDevices(a);
            }
        });
    }

    private String password(AccountPasswordDto r) {
        return "Mot de passe provisoire de « " + r.account().username() + " » : " + r.temporaryPassword()
                + " — communiquez-le en main propre ; il devra être changé à la première connexion.";
    }

    /** « Actif », « Désactivé », with the pending steps. */
    public static String state(AccountDto a) {
        if (!a.active()) {
            return "Désactivé";
        }
        StringBuilder b = new StringBuilder("Actif");
        if (a.mustChangePassword()) {
            b.append(" · mot de passe provisoire");
        }
        if (Accounts.secondFactorRequired(a.role()) && !a.secondFactorEnrolled()) {
            b.append(" · second facteur à enregistrer");
        }
        if (a.failedLogins() > 0) {
            b.append(" · ").append(a.failedLogins()).append(" échec(s) de connexion");
        }
        return b.toString();
    }

    /** The state of a device in French. */
    public String deviceState(DeviceDto d) {
        if (d.wipedAt() != null) {
            return "Effacé le " + when(d.wipedAt());
        }
        if (d.revokedAt() != null) {
            return "Retiré le " + when(d.revokedAt()) + ", effacement en attente";
        }
        return "Actif";
    }

    public String when(Instant t) {
        return t == null ? "jamais" : WHEN.format(t.atZone(zone));
    }

    public ObservableList<AccountDto> accounts() {
        return accounts;
    }

    public ObservableList<DeviceDto> devices() {
        return devices;
    }

    public ObjectProperty<AccountDto> selectedProperty() {
        return selected;
    }

    public StringProperty newUsernameProperty() {
        return newUsername;
    }

    public StringProperty newDisplayNameProperty() {
        return newDisplayName;
    }

    public ObjectProperty<Role> newRoleProperty() {
        return newRole;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
