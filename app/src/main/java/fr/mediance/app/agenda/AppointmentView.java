package fr.mediance.app.agenda;

import fr.mediance.app.core.agenda.AgendaViewModel;
import fr.mediance.app.core.agenda.AppointmentViewModel;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Screen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Before leaving for an appointment: where and how to get in, "Appeler" and "Itinéraire", what to bring back,
 * the last contact, open follow-ups and documents to watch; "Commencer la visite", the resident's file, and
 * "Absent(e)" / "Annulé par la personne" with a reason.
 */
public final class AppointmentView implements Screen {

    private final AppointmentViewModel vm;
    private final ResourceBundle texts;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private Node node;
    private final VBox column = new VBox(16);

    public AppointmentView(AppointmentViewModel vm, ResourceBundle texts) {
        this.vm = vm;
        this.texts = texts;
        title.bind(vm.residentNameProperty().map(n -> n.isBlank() ? texts.getString("appointment.prepare.title") : n));
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
        // ----- who, when, where
        Label name = Ui.bound(vm.residentNameProperty(), Styles.CARD_TITLE);
        name.setId("appointment-resident");
        Label when = line(vm.whenTextProperty(), Material2AL.ACCESS_TIME, "appointment-when");
        Label status = Ui.bound(vm.statusLabelProperty(), Styles.STATUS);
        status.setId("appointment-status");
        vm.statusKindProperty().subscribe(k -> {
            status.getStyleClass()
                    .removeAll(
                            Styles.STATUS_DONE, Styles.STATUS_CANCELLED, Styles.STATUS_WAITING, Styles.STATUS_PLANNED);
            status.getStyleClass().add(AgendaView.statusStyle(k == null ? AgendaViewModel.StatusKind.CONFIRMED : k));
        });
        Label type = Ui.bound(vm.typeLabelProperty(), Styles.MUTED);
        FlowPane badges = new FlowPane(10, 6, type, status);
        badges.setAlignment(Pos.CENTER_LEFT);
        Label address = line(vm.addressProperty(), Material2MZ.PLACE, "appointment-address");
        Label access = line(vm.accessNotesProperty(), Material2AL.INFO, "appointment-access");
        Label safety = line(vm.safetyNotesProperty(), Material2MZ.SECURITY, "appointment-safety");
        safety.getStyleClass().add(Styles.REMINDER);
        Label notes = line(vm.notesProperty(), Material2AL.DESCRIPTION, "appointment-notes");
        Label phone = line(vm.phoneProperty(), Material2MZ.PHONE, "appointment-phone");

        Button call = Ui.button(texts.getString("appointment.call"), Material2AL.CALL, Styles.SECONDARY);
        call.setId("appointment-call");
        Ui.showWhen(call, vm.canCallProperty());
        call.setOnAction(e -> vm.call());
        Button map = Ui.button(texts.getString("appointment.map"), Material2AL.DIRECTIONS, Styles.SECONDARY);
        map.setId("appointment-map");
        Ui.showWhen(map, vm.canShowMapProperty());
        map.setOnAction(e -> vm.showMap());
        FlowPane contact = new FlowPane(10, 10, call, map);
        for (Button b : new Button[] {call, map}) {
            b.setMinHeight(44);
        }
        VBox header = Ui.card(name, badges, when, address, access, safety, notes, phone, contact);

        Button start = Ui.button("", Material2AL.ASSIGNMENT, Styles.PRIMARY);
        start.textProperty().bind(vm.openVisitTextProperty());
        start.setId("appointment-open-visit");
        start.setMaxWidth(Double.MAX_VALUE);
        start.setMinHeight(48);
        start.setOnAction(e -> vm.openVisit());
        Button file = Ui.button(texts.getString("appointment.resident.file"), Material2AL.FOLDER, Styles.SECONDARY);
        file.setId("appointment-resident-file");
        file.setMaxWidth(Double.MAX_VALUE);
        file.setMinHeight(44);
        file.setOnAction(e -> vm.openResidentFile());
        VBox actions = new VBox(10, start, file);

        // ----- checklist
        VBox checklist = new VBox(6);
        checklist.setId("appointment-checklist");
        fill(checklist, vm.checklist(), s -> bullet(s, Material2AL.CHECK_BOX_OUTLINE_BLANK), null);
        VBox checklistCard =
                Ui.card(Ui.label(texts.getString("appointment.checklist"), Styles.SECTION_TITLE), checklist);
        checklistCard.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.checklist()));
        checklistCard.managedProperty().bind(checklistCard.visibleProperty());

        // ----- last contact
        Label lastTitle = Ui.bound(vm.lastContactTitleProperty(), Styles.FIELD_LABEL);
        lastTitle.setId("appointment-last-title");
        Label lastSynthesis = Ui.bound(vm.lastContactSynthesisProperty());
        lastSynthesis.setId("appointment-last-synthesis");
        Ui.hideWhenBlank(lastSynthesis);
        VBox lastActions = new VBox(4);
        lastActions.setId("appointment-last-actions");
        fill(lastActions, vm.lastContactActions(), s -> bullet(s, Material2AL.ARROW_RIGHT), null);
        VBox last = Ui.card(
                Ui.label(texts.getString("appointment.last"), Styles.SECTION_TITLE),
                lastTitle,
                lastSynthesis,
                lastActions);

        // ----- open follow-ups
        VBox tasks = new VBox(6);
        tasks.setId("appointment-tasks");
        fill(
                tasks,
                vm.tasks(),
                t -> {
                    Label l = bullet(
                            t.title() + " · " + t.dueText(), t.overdue() ? Material2MZ.WARNING : Material2AL.ALARM);
                    if (t.overdue()) {
                        l.getStyleClass().add(Styles.FIELD_ERROR);
                    }
                    l.setId("appointment-task-" + t.taskId());
                    return l;
                },
                texts.getString("appointment.tasks.none"));
        VBox taskCard = Ui.card(Ui.label(texts.getString("appointment.tasks"), Styles.SECTION_TITLE), tasks);

        // ----- documents to watch
        VBox docs = new VBox(8);
        docs.setId("appointment-documents");
        fill(
                docs,
                vm.documents(),
                d -> {
                    Label t = Ui.label(d.title(), Styles.FIELD_LABEL);
                    Label detail = Ui.label(d.detail(), Styles.MUTED, Styles.SMALL);
                    VBox box = new VBox(2, t, detail);
                    box.setId("appointment-document-" + d.documentId());
                    return box;
                },
                texts.getString("appointment.documents.none"));
        VBox docCard = Ui.card(Ui.label(texts.getString("appointment.documents"), Styles.SECTION_TITLE), docs);

        // ----- the visit does not take place
        ComboBox<CodeItem> reason = new ComboBox<>(vm.cancelReasons());
        reason.setId("appointment-reason");
        reason.setPromptText(texts.getString("appointment.status.reason.prompt"));
        reason.setMinHeight(44);
        CodeChoices.showLabels(reason, CodeItem::labelOrCode);
        reason.valueProperty().addListener((o, a, item) -> vm.reasonProperty().set(item == null ? null : item.code()));
        vm.reasonProperty().addListener((o, a, code) -> {
            if (code == null) {
                reason.setValue(null);
            }
        });
        Button absent =
                Ui.button(texts.getString("appointment.status.absent"), Material2MZ.PERSON_OUTLINE, Styles.SECONDARY);
        absent.setId("appointment-absent");
        absent.setOnAction(e -> vm.changeStatus(AppointmentViewModel.StatusChange.ABSENT));
        Button cancelled =
                Ui.button(texts.getString("appointment.status.cancelled"), Material2AL.EVENT_BUSY, Styles.SECONDARY);
        cancelled.setId("appointment-cancelled");
        cancelled.setOnAction(e -> vm.changeStatus(AppointmentViewModel.StatusChange.CANCELLED_BY_RESIDENT));
        for (Button b : new Button[] {absent, cancelled}) {
            b.setMinHeight(44);
            b.disableProperty().bind(vm.busyProperty());
        }
        FlowPane statusButtons = new FlowPane(10, 10, absent, cancelled);
        VBox statusCard = Ui.card(
                Ui.label(texts.getString("appointment.status.title"), Styles.SECTION_TITLE),
                Ui.field(texts.getString("appointment.status.reason.label"), reason, vm.reasonErrorProperty()),
                statusButtons);
        statusCard.setId("appointment-status-card");
        Ui.showWhen(statusCard, vm.canChangeStatusProperty());

        column.getChildren().setAll(header, actions, checklistCard, last, taskCard, docCard, statusCard);
        column.visibleProperty().bind(vm.loadedProperty());
        return Ui.page(column);
    }

    /** Adds the resident's documents (a list built by the documents' screens) before the status part. */
    public void addDocuments(Node list) {
        node();
        VBox card = Ui.card(Ui.label(texts.getString("document.list.title"), Styles.SECTION_TITLE), list);
        card.setId("appointment-resident-documents");
        column.getChildren().add(column.getChildren().size() - 1, card);
    }

    private static Label line(ObservableValue<String> text, Ikon icon, String id) {
        Label l = new Label(null, Icons.of(icon, 18));
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        l.setId(id);
        Ui.hideWhenBlank(l);
        return l;
    }

    private static Label bullet(String text, Ikon icon) {
        Label l = new Label(text, Icons.of(icon, 18));
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    /** Keeps {@code box} showing one node per item, or {@code none} when there is none. */
    private static <T> void fill(
            VBox box, ObservableList<T> items, java.util.function.Function<T, Node> view, String none) {
        Runnable render = () -> {
            box.getChildren().clear();
            if (items.isEmpty() && none != null) {
                box.getChildren().add(Ui.label(none, Styles.MUTED));
            }
            items.forEach(i -> box.getChildren().add(view.apply(i)));
        };
        items.addListener((ListChangeListener<T>) c -> render.run());
        render.run();
    }
}
