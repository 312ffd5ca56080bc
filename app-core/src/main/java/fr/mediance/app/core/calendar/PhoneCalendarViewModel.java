package fr.mediance.app.core.calendar;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.ServerRequests;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.protocol.CalendarLinkDto;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * « Calendrier du téléphone »: a counsellor's feed links, online only. Creating one shows its address once (as text
 * and as a QR code to scan with the phone), to add as a subscribed calendar; the list shows when each was created
 * and last fetched, never its address; revoking one stops its feed at once. The phone's calendar shows the kind of
 * appointment, the file number and the neighbourhood, never a name or an address.
 */
public final class PhoneCalendarViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRANCE);

    private final ObservableBooleanValue online;
    private final ResourceBundle texts;
    private final ZoneId zone;
    private final ServerRequests requests;
    private final ObservableList<CalendarLinkDto> links = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper newLinkUrl = new ReadOnlyStringWrapper(this, "newLinkUrl", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public PhoneCalendarViewModel(
            Supplier<Optional<RemoteClient>> remote,
            ObservableBooleanValue online,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.online = online;
        this.zone = zone;
        this.texts = texts;
        this.requests = new ServerRequests(
                remote,
                new BackgroundWork(background, fx),
                busy,
                error,
                texts.getString("calendar.signIn"),
                texts.getString("calendar.failed"));
    }

    public void refresh() {
        call("loading calendar links", RemoteClient::calendarLinks, r -> links.setAll(r.links()));
    }

    /** A new link: its address is shown (text and QR code) until the view is left, then never again. */
    public void create() {
        call("creating a calendar link", c -> c.createCalendarLink().map(r -> c.absoluteUrl(r.path())), url -> {
            newLinkUrl.set(url);
            message.set(texts.getString("calendar.created"));
            refresh();
        });
    }

    public void revoke(CalendarLinkDto link) {
        call("revoking a calendar link", c -> c.revokeCalendarLink(link.id()), r -> {
            if (newLinkUrl.get().contains("/")) {
                newLinkUrl.set("");
            }
            message.set(texts.getString("calendar.revoked"));
            refresh();
        });
    }

    /** « Créé le 26/11/2026 09:00 · dernier relevé le … » or « · révoqué le … ». */
    public String describe(CalendarLinkDto link) {
        String created = MessageFormat.format(texts.getString("calendar.link.created"), when(link.createdAt()));
        if (link.revokedAt() != null) {
            return created + " · "
                    + MessageFormat.format(texts.getString("calendar.link.revokedAt"), when(link.revokedAt()));
        }
        return created + " · "
                + (link.lastUsedAt() == null
                        ? texts.getString("calendar.link.neverUsed")
                        : MessageFormat.format(texts.getString("calendar.link.lastUsed"), when(link.lastUsedAt())));
    }

    private String when(Instant t) {
        return WHEN.format(t.atZone(zone));
    }

    private <T> void call(String what, Function<RemoteClient, RemoteResult<T>> request, Consumer<T> onOk) {
        if (!online.get()) {
            error.set(texts.getString("calendar.offline"));
            return;
        }
        requests.call(what, request, onOk);
    }

    public ObservableList<CalendarLinkDto> links() {
        return links;
    }

    public ObservableBooleanValue onlineProperty() {
        return online;
    }

    /** The address of the link just created (empty otherwise). */
    public ReadOnlyStringProperty newLinkUrlProperty() {
        return newLinkUrl.getReadOnlyProperty();
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
