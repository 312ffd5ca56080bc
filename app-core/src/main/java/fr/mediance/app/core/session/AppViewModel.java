package fr.mediance.app.core.session;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.protocol.Role;
import java.text.MessageFormat;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the app shows as a whole: sign-in, PIN (choose or unlock), or the home of the signed-in user, whose
 * navigation depends on the role (a counsellor: appointments; a coordinator: planning; the office: received
 * reports; the office and coordinators: the conflicts to resolve; everyone: synchronisation). Follows
 * {@link SessionService#stateProperty()}.
 */
public final class AppViewModel {

    public enum Page {
        LOGIN,
        CHOOSE_PIN,
        UNLOCK,
        HOME
    }

    /** The top-level places of the navigation. */
    public enum Place {
        AGENDA("nav.agenda"),
        TASKS("nav.tasks"),
        PLANNING("nav.planning"),
        /** « Demandes »: the requests waiting for a home visit, the week's proposal, the persons to inform. */
        REQUESTS("nav.requests"),
        /** « Carte des tournées »: the rounds of a day on a map (coordination). */
        MAP("map.nav"),
        REPORTS("nav.reports"),
        RESIDENTS("nav.residents"),
        /** The partner directory, for every role. */
        PARTNERS("nav.partners"),
        CONFLICTS("nav.conflicts"),
        REFERENCE("nav.reference"),
        /** The office's register of rights requests (GDPR). */
        GDPR("nav.gdpr"),
        /** « Journal des accès »: the audit log, for the admin only. */
        AUDIT("nav.audit"),
        /** Accounts and devices: admin and office ({@link fr.mediance.protocol.Accounts#managesAccounts}). */
        ACCOUNTS("nav.accounts"),
        SYNC("nav.sync");

        private final String labelKey;

        Place(String labelKey) {
            this.labelKey = labelKey;
        }

        public String labelKey() {
            return labelKey;
        }
    }

    private final SessionService session;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(this, "page", Page.LOGIN);
    private final ReadOnlyObjectWrapper<Role> role = new ReadOnlyObjectWrapper<>(this, "role");
    private final ReadOnlyStringWrapper userText = new ReadOnlyStringWrapper(this, "userText", "");
    private final ObservableList<Place> places = FXCollections.observableArrayList();

    public AppViewModel(SessionService session, ResourceBundle texts, Executor background, Executor fx) {
        this.session = Objects.requireNonNull(session);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        session.stateProperty().addListener((obs, old, state) -> follow(state));
        follow(session.state());
    }

    /** The places of a role, the first one being the home screen. */
    public static List<Place> placesFor(Role role) {
        if (role == null) {
            return List.of();
        }
        return switch (role) {
            case COUNSELLOR -> List.of(Place.AGENDA, Place.TASKS, Place.RESIDENTS, Place.PARTNERS, Place.SYNC);
            case COORDINATOR ->
                List.of(
                        Place.PLANNING,
                        Place.REQUESTS,
                        Place.MAP,
                        Place.RESIDENTS,
                        Place.PARTNERS,
                        Place.CONFLICTS,
                        Place.REFERENCE,
                        Place.SYNC);
            case OFFICE ->
                List.of(
                        Place.REPORTS,
                        Place.RESIDENTS,
                        Place.PARTNERS,
                        Place.CONFLICTS,
                        Place.REFERENCE,
                        Place.GDPR,
                        Place.ACCOUNTS,
                        Place.SYNC);
            case ADMIN ->
                List.of(
                        Place.PLANNING,
                        Place.REQUESTS,
                        Place.MAP,
                        Place.REPORTS,
                        Place.RESIDENTS,
                        Place.PARTNERS,
                        Place.CONFLICTS,
                        Place.REFERENCE,
                        Place.GDPR,
                        Place.AUDIT,
                        Place.ACCOUNTS,
                        Place.SYNC);
        };
    }

    private void follow(SessionState state) {
        Page next = switch (state == null ? SessionState.NO_ACCOUNT : state) {
            case NO_ACCOUNT -> Page.LOGIN;
            case PIN_REQUIRED -> Page.CHOOSE_PIN;
            case LOCKED -> Page.UNLOCK;
            case UNLOCKED -> Page.HOME;
        };
        Role r = session.account().map(AccountInfo::role).orElse(null);
        role.set(next == Page.HOME ? r : null);
        userText.set(session.account()
                .map(a -> a.name()
                        + (a.role() == null
                                ? ""
                                : " · " + text("role." + a.role().code())))
                .orElse(""));
        places.setAll(next == Page.HOME ? placesFor(r) : List.of());
        page.set(next);
    }

    public String label(Place place) {
        return text(place.labelKey());
    }

    /** The title of the app bar for a page outside the navigation. */
    public String title(Page p) {
        return switch (p) {
            case LOGIN -> text("login.title");
            case CHOOSE_PIN -> text("pin.choose.title");
            case UNLOCK -> text("pin.unlock.title");
            case HOME -> text("app.name");
        };
    }

    /** Closes the local data; the PIN is asked again. */
    public void lock() {
        // A failure is logged; the PIN screen shows anyway (the session state drives the screens).
        work.run("locking the local data", session::lock, () -> {}, e -> {});
    }

    /**
     * "Se déconnecter" and wipe this device's data. Refused with a French message while changes are unsent,
     * unless {@code force}. Completes on the FX executor.
     */
    public CompletableFuture<Outcome<Void>> logout(boolean force) {
        CompletableFuture<Outcome<Void>> result = new CompletableFuture<>();
        work.supply(
                "signing out",
                () -> !force && session.unsentChanges() > 0
                        ? Outcome.<Void>failed(text("logout.refused"))
                        : session.logout(true, force),
                result::complete,
                e -> result.complete(Outcome.failed(text("logout.failed"))));
        return result;
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0
                ? pattern
                : new MessageFormat(pattern, Texts.locale(texts))
                        .format(args); // keys with arguments use '' for an apostrophe
    }

    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Role> roleProperty() {
        return role.getReadOnlyProperty();
    }

    /** "Awa Diallo · Conseiller·ère" once signed in. */
    public ReadOnlyStringProperty userTextProperty() {
        return userText.getReadOnlyProperty();
    }

    /** The navigation of the signed-in user (empty outside the home page). */
    public ObservableList<Place> places() {
        return FXCollections.unmodifiableObservableList(places);
    }
}
