package fr.mediance.app.calendar;

import fr.mediance.app.core.calendar.PhoneCalendarViewModel;
import fr.mediance.app.login.QrCodeView;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.CalendarLinkDto;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * « Calendrier du téléphone »: create a feed link (its address shown once, as text to copy and as a QR code to scan
 * with the phone), the list of links with their creation and last fetch, and revoking one. Online only: offline, the
 * view says so and its buttons are off.
 */
public final class PhoneCalendarView extends BasicScreen {
    private final PhoneCalendarViewModel vm;
    private final ResourceBundle texts;

    public PhoneCalendarView(PhoneCalendarViewModel vm, ResourceBundle texts) {
        super(texts.getString("calendar.title"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        Label explain = Ui.label(texts.getString("calendar.explain"), Styles.HINT);
        explain.setWrapText(true);
        Label offline = Ui.label(texts.getString("calendar.offline"), Styles.FORM_ERROR);
        offline.setId("calendar-offline");
        offline.setWrapText(true);
        Ui.showWhen(offline, Bindings.not(vm.onlineProperty()));
        Label message = Ui.bound(vm.messageProperty(), Styles.HINT);
        message.setId("calendar-message");
        message.setWrapText(true);
        Ui.hideWhenBlank(message);
        Label error = Ui.bound(vm.errorProperty(), Styles.FORM_ERROR);
        error.setId("calendar-error");
        error.setWrapText(true);
        Ui.hideWhenBlank(error);

        Button create = Ui.button(texts.getString("calendar.create"), Material2AL.INSERT_LINK, Styles.PRIMARY);
        create.setId("calendar-create");
        create.disableProperty().bind(vm.busyProperty().or(Bindings.not(vm.onlineProperty())));
        create.setOnAction(e -> vm.create());

        TextField url = new TextField();
        url.setId("calendar-url");
        url.setEditable(false);
        url.textProperty().bind(vm.newLinkUrlProperty());
        HBox.setHgrow(url, Priority.ALWAYS);
        Button copy = Ui.button(texts.getString("calendar.copy"), Material2AL.CONTENT_COPY, Styles.SECONDARY);
        copy.setId("calendar-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.newLinkUrlProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText(texts.getString("calendar.copied"));
        });
        QrCodeView qr = new QrCodeView(vm.newLinkUrlProperty(), 4);
        qr.setId("calendar-qr");
        VBox newLink =
                Ui.card(Ui.label(texts.getString("calendar.newLink"), Styles.CARD_TITLE), new HBox(8, url, copy), qr);
        Ui.showWhen(newLink, Bindings.isNotEmpty(vm.newLinkUrlProperty()));

        VBox list = new VBox(8);
        list.setId("calendar-links");
        Runnable fill = () -> {
            list.getChildren().clear();
            if (vm.links().isEmpty()) {
                list.getChildren().add(Ui.label(texts.getString("calendar.none"), Styles.HINT));
            }
            for (CalendarLinkDto l : vm.links()) {
                list.getChildren().add(row(l));
            }
        };
        vm.links().addListener((ListChangeListener<CalendarLinkDto>) c -> fill.run());
        fill.run();

        VBox column = new VBox(
                16,
                Ui.card(Ui.label(texts.getString("calendar.title"), Styles.CARD_TITLE), explain, offline, create),
                message,
                error,
                newLink,
                Ui.card(Ui.label(texts.getString("calendar.links"), Styles.CARD_TITLE), list));
        column.setId("calendar-root");
        return Ui.page(column);
    }

    private Node row(CalendarLinkDto l) {
        Label what = Ui.label(vm.describe(l));
        what.setWrapText(true);
        HBox.setHgrow(what, Priority.ALWAYS);
        HBox row = new HBox(8, what);
        if (l.active()) {
            Button revoke = Ui.button(texts.getString("calendar.revoke"), Material2MZ.REMOVE_CIRCLE, Styles.DANGER);
            revoke.setId("calendar-revoke-" + l.id());
            revoke.disableProperty().bind(vm.busyProperty().or(Bindings.not(vm.onlineProperty())));
            revoke.setOnAction(e -> vm.revoke(l));
            row.getChildren().add(revoke);
        }
        return row;
    }
}
