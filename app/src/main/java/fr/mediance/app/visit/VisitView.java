package fr.mediance.app.visit;

import fr.mediance.app.core.visit.VisitReportViewModel;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Screen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The visit report screen: who, when and where, then the parts of the report, each drawn by its own view (the
 * contact, the energy check, the actions, the orientations, the follow-ups, the photos, the signature), and
 * "Terminer la visite". Once terminated, everything is read-only and "Corriger" starts a new version.
 */
public final class VisitView implements Screen {

    private final VisitReportViewModel vm;
    private final ResourceBundle texts;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final VBox column = new VBox(16);
    private Node node;
    /** Opens "Décrire le document" for a photo of the draft (null: not offered). */
    private Consumer<String> onDescribe;

    public VisitView(VisitReportViewModel vm, ResourceBundle texts) {
        this.vm = vm;
        this.texts = texts;
        title.bind(vm.residentNameProperty().map(n -> n.isBlank() ? texts.getString("visit.title") : n));
    }

    public void setOnDescribe(Consumer<String> onDescribe) {
        this.onDescribe = onDescribe;
    }

    @Override
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    @Override
    public Node node() {
        if (node == null) {
            node = build();
        }
        return node;
    }

    private Node build() {
        VisitFields fields = new VisitFields(texts, vm.frozenProperty());
        column.getChildren()
                .setAll(
                        header(),
                        frozenBanner(),
                        new ContactView(vm, fields).build(),
                        new EnergyCheckView(vm.energy(), fields).build(),
                        new ActionsView(vm.actions(), fields).build(),
                        new OrientationsView(vm.orientations(), fields).build(),
                        new FollowUpsView(vm.followUps(), fields).build(),
                        new PhotosView(vm.photos(), fields, onDescribe).build(),
                        new SignatureView(vm.signature(), fields).build(),
                        completeBox());
        return Ui.page(column);
    }

    /** Adds a part at the top of the visit, above the resident (e.g. the arrival check-in). */
    public void insertAtTop(Node part) {
        node();
        column.getChildren().add(0, part);
    }

    /** Who, when, where. */
    private VBox header() {
        Label name = Ui.bound(vm.residentNameProperty(), Styles.CARD_TITLE);
        name.setId("visit-resident");
        Label when = new Label(null, Icons.of(Material2AL.ACCESS_TIME, 18));
        when.textProperty().bind(vm.whenTextProperty());
        Label address = new Label(null, Icons.of(Material2MZ.PLACE, 18));
        address.textProperty().bind(vm.addressProperty());
        address.setWrapText(true);
        Ui.hideWhenBlank(address);
        Label access = new Label(null, Icons.of(Material2AL.INFO, 18));
        access.textProperty().bind(vm.accessNotesProperty());
        access.setWrapText(true);
        Ui.hideWhenBlank(access);
        Label phone = new Label(null, Icons.of(Material2MZ.PHONE, 18));
        phone.textProperty().bind(vm.phoneProperty());
        Ui.hideWhenBlank(phone);
        return Ui.card(name, when, address, access, phone);
    }

    private Runnable onNextAppointment;

    /** Offers « Prochain rendez-vous » once the visit is over (before the view is shown). */
    public void setOnNextAppointment(Runnable onNextAppointment) {
        this.onNextAppointment = onNextAppointment;
    }

    /** "Visite terminée le …", where the report stands on its way to the office, and "Corriger". */
    private VBox frozenBanner() {
        Label frozenText = new Label(null, Icons.of(Material2AL.CHECK_CIRCLE));
        frozenText.textProperty().bind(vm.completedTextProperty());
        frozenText.setWrapText(true);
        frozenText.setMinHeight(Label.USE_PREF_SIZE);
        frozenText.setId("visit-frozen");
        Label delivery = Ui.bound(vm.deliveryTextProperty(), Styles.DELIVERY_LINE);
        delivery.setId("visit-delivery");
        delivery.graphicProperty()
                .bind(vm.deliveryProperty()
                        .map(d -> Icons.of(
                                switch (d) {
                                    case RECEIVED -> Material2AL.CLOUD_DONE;
                                    case NEEDS_ATTENTION -> Material2AL.ERROR_OUTLINE;
                                    case SENDING -> Material2AL.CLOUD_UPLOAD;
                                    case LOCAL, QUEUED -> Material2MZ.SCHEDULE;
                                },
                                18)));
        Ui.hideWhenBlank(delivery);
        Button correct = Ui.button(texts.getString("visit.correct"), Material2AL.EDIT, Styles.SECONDARY);
        correct.setId("visit-correct");
        correct.setOnAction(e -> vm.correct());
        VBox frozen = new VBox(6, frozenText, delivery, correct);
        if (onNextAppointment != null) {
            Button next = Ui.button(texts.getString("nextAppointment.open"), Material2AL.EVENT, Styles.PRIMARY);
            next.setId("visit-next-appointment");
            next.setMinHeight(44);
            next.setOnAction(e -> onNextAppointment.run());
            frozen.getChildren().add(next);
        }
        frozen.getStyleClass().add(Styles.FROZEN_BANNER);
        frozen.setMaxWidth(Double.MAX_VALUE);
        Ui.showWhen(frozen, vm.frozenProperty());
        return frozen;
    }

    /** What blocks the end of the visit, and "Terminer la visite". */
    private VBox completeBox() {
        Label formError = Ui.bound(vm.formErrorProperty(), Styles.FORM_ERROR);
        formError.setId("visit-form-error");
        Ui.hideWhenBlank(formError);
        Button complete = Ui.button(texts.getString("visit.complete"), Material2AL.CHECK_CIRCLE, Styles.PRIMARY);
        complete.setId("visit-complete");
        complete.setMaxWidth(Double.MAX_VALUE);
        complete.disableProperty().bind(vm.busyProperty().or(vm.loadedProperty().not()));
        complete.setOnAction(e -> vm.complete());
        VBox box = new VBox(10, formError, complete);
        Ui.showWhen(box, vm.frozenProperty().not());
        return box;
    }

    @Override
    public void onShow() {
        vm.watchTransfers(true);
    }

    @Override
    public void onHide() {
        vm.watchTransfers(false);
    }
}
