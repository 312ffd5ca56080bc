package fr.mediance.app.visit;

import java.io.ByteArrayInputStream;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;

import java.util.List;

import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.visit.ActionEditor;
import fr.mediance.app.core.visit.OrientationEditor;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.app.core.visit.VisitReportViewModel;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OrientationDto;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Priority;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.signature.SignaturePad;
import fr.mediance.app.shell.Screen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The visit report: who and where, the report's fields (saved as they are typed), the photographed
 * documents, and "Terminer la visite". Once terminated, everything is read-only.
 */
public final class VisitView implements Screen {

    /** Wide enough for the longest state ("Reçue par le bureau"), so that every box has the same width. */
    private static final int THUMB_W = 176;
    private static final int THUMB_H = 132;

    private final VisitReportViewModel vm;
    private final ResourceBundle texts;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private Node node;
    private final VBox column = new VBox(16);
    private final FlowPane thumbnails = new FlowPane(10, 10);
    /** Decoded thumbnails, kept while the screen lives: a photo's state changes often while it is sent. */
    private final java.util.Map<String, Image> images = new java.util.HashMap<>();

    /** Opens "Décrire le document" for a photo of the draft (null: not offered). */
    private Consumer<String> onDescribe;

    public void setOnDescribe(Consumer<String> onDescribe) {
        this.onDescribe = onDescribe;
    }

    public VisitView(VisitReportViewModel vm, ResourceBundle texts) {
        this.vm = vm;
        this.texts = texts;
        title.bind(vm.residentNameProperty().map(n -> n.isBlank() ? texts.getString("visit.title") : n));
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
        // ----- header: who, when, where
        Label name = Ui.bound(vm.residentNameProperty(), Styles.CARD_TITLE);
        name.setId("visit-resident");
        Label when = new Label(null, Icons.of(Material2AL.ACCESS_TIME, 18));
        when.textProperty().bind(vm.whenTextProperty());
        Label address = new Label(null, Icons.of(Material2MZ.PLACE, 18));
        address.textProperty().bind(vm.addressProperty());
        address.setWrapText(true);
        hideWhenBlank(address);
        Label access = new Label(null, Icons.of(Material2AL.INFO, 18));
        access.textProperty().bind(vm.accessNotesProperty());
        access.setWrapText(true);
        hideWhenBlank(access);
        Label phone = new Label(null, Icons.of(Material2MZ.PHONE, 18));
        phone.textProperty().bind(vm.phoneProperty());
        hideWhenBlank(phone);
        VBox header = Ui.card(name, when, address, access, phone);

        Label frozenText = new Label(null, Icons.of(Material2AL.CHECK_CIRCLE));
        frozenText.textProperty().bind(vm.completedTextProperty());
        frozenText.setWrapText(true);
        frozenText.setMinHeight(Label.USE_PREF_SIZE);
        frozenText.setId("visit-frozen");
        Label delivery = Ui.bound(vm.deliveryTextProperty(), Styles.DELIVERY_LINE);
        delivery.setId("visit-delivery");
        delivery.graphicProperty().bind(vm.deliveryProperty().map(d -> Icons.of(switch (d) {
            case RECEIVED -> Material2AL.CLOUD_DONE;
            case NEEDS_ATTENTION -> Material2AL.ERROR_OUTLINE;
            case SENDING -> Material2AL.CLOUD_UPLOAD;
            case LOCAL, QUEUED -> Material2MZ.SCHEDULE;
        }, 18)));
        hideWhenBlank(delivery);
        Button correct = Ui.button(texts.getString("visit.correct"), Material2AL.EDIT, Styles.SECONDARY);
        correct.setId("visit-correct");
        correct.setOnAction(e -> vm.correct());
        VBox frozen = new VBox(6, frozenText, delivery, correct);
        frozen.getStyleClass().add(Styles.FROZEN_BANNER);
        frozen.setMaxWidth(Double.MAX_VALUE);
        showWhen(frozen, vm.frozenProperty());

        Label codesHint = Ui.bound(vm.codesHintProperty(), Styles.FORM_ERROR);
        hideWhenBlank(codesHint);

        // ----- the contact
        ComboBox<CodeItem> medium = codeCombo(vm.mediumOptions(), vm.mediumProperty(), "visit-medium");
        medium.setPromptText(texts.getString("visit.medium.prompt"));
        TextField place = text("visit-place", vm.placeProperty());
        TextField duration = text("visit-duration", vm.durationProperty());
        duration.setPrefColumnCount(6);

        FlowPane domainChips = chips(vm.domainOptions(), vm.domains(), vm::setDomainSelected, "domain-");
        domainChips.setId("visit-domains");
        Label domainsError = Ui.bound(vm.domainsErrorProperty(), Styles.FIELD_ERROR);
        domainsError.setId("visit-domains-error");
        hideWhenBlank(domainsError);
        VBox domains = new VBox(6, Ui.label(texts.getString("visit.domains"), Styles.FIELD_LABEL), domainChips,
                domainsError);
        domains.getStyleClass().add(Styles.FIELD);

        FlowPane motifChips = chips(vm.motifOptions(), vm.motifs(), vm::setMotifSelected, "motif-");
        motifChips.setId("visit-motifs");
        Label noMotif = Ui.label(texts.getString("visit.motifs.none"), Styles.HINT);
        showWhen(noMotif, Bindings.isEmpty(vm.motifOptions()));
        VBox motifs = chipField("visit.motifs", motifChips, vm.errorProperty("motifs"));
        motifs.getChildren().add(1, noMotif);

        FlowPane personChips = chips(vm.options(ListNames.PERSON_PRESENT), vm.personsPresent(), vm::setPersonPresent,
                "person-");
        personChips.setId("visit-persons");

        TextArea synthesis = new TextArea();
        synthesis.setId("visit-synthesis");
        synthesis.setWrapText(true);
        synthesis.setPrefRowCount(6);
        synthesis.textProperty().bindBidirectional(vm.synthesisProperty());
        Label reminder = Ui.label(texts.getString("visit.synthesis.reminder"), Styles.REMINDER);
        VBox synthesisField = Ui.field(texts.getString("visit.synthesis"), synthesis, vm.synthesisErrorProperty());
        synthesisField.getChildren().add(1, reminder);

        TextArea followUp = new TextArea();
        followUp.setId("visit-followup");
        followUp.setWrapText(true);
        followUp.setPrefRowCount(3);
        followUp.textProperty().bindBidirectional(vm.followUpProperty());

        TextField due = text("visit-due", vm.followUpDueProperty());
        due.setPromptText(texts.getString("visit.followup.due.prompt"));
        due.setPrefColumnCount(10);

        for (TextInputControl t : new TextInputControl[] {synthesis, followUp}) {
            t.editableProperty().bind(vm.frozenProperty().not());
        }
        medium.disableProperty().bind(vm.frozenProperty());

        Label saveStatus = Ui.bound(vm.saveStatusProperty(), Styles.MUTED, Styles.SMALL);
        saveStatus.setId("visit-save-status");

        VBox form = Ui.card(
                Ui.label(texts.getString("visit.section.contact"), Styles.SECTION_TITLE),
                codesHint,
                Ui.field(texts.getString("visit.medium"), medium, vm.mediumErrorProperty()),
                Ui.row(Ui.field(texts.getString("visit.place"), place, vm.errorProperty("place")),
                        Ui.field(texts.getString("visit.duration"), duration, vm.errorProperty("duration"))),
                chipField("visit.persons", personChips, vm.errorProperty("personsPresent")),
                domains,
                motifs,
                synthesisField,
                Ui.field(texts.getString("visit.followup"), followUp, vm.followUpErrorProperty()),
                Ui.row(Ui.field(texts.getString("visit.followup.due"), due, vm.followUpDueErrorProperty()), new StackPane()),
                saveStatus);
        form.setId("visit-contact");

        VBox energy = energyCard();
        VBox actions = actionsCard();
        VBox orientations = orientationsCard();
        VBox tasks = tasksCard();
        VBox signature = signatureCard();

        // ----- photos
        ComboBox<CodeItem> photoType = codeCombo(vm.documentTypeOptions(), vm.newPhotoTypeProperty(), "visit-photo-type");
        photoType.setPromptText(texts.getString("visit.photo.type.prompt"));
        Button add = Ui.button(texts.getString("visit.photo.add"), Material2AL.CAMERA_ALT, Styles.PRIMARY);
        add.setId("visit-photo-add");
        add.disableProperty().bind(vm.capturingProperty());
        add.setOnAction(e -> vm.addPhoto());
        add.setMaxWidth(Double.MAX_VALUE);
        VBox typeField = Ui.field(texts.getString("visit.photo.type"), photoType, vm.photoTypeErrorProperty());
        VBox addBox = new VBox(10, typeField, add);
        addBox.visibleProperty().bind(vm.frozenProperty().not());
        addBox.managedProperty().bind(addBox.visibleProperty());

        thumbnails.setId("visit-photos");
        vm.photos().addListener((ListChangeListener<VisitReportViewModel.PhotoRow>) c -> renderPhotos());
        vm.frozenProperty().addListener((o, a, b) -> renderPhotos());
        renderPhotos();
        VBox photos = Ui.card(Ui.label(texts.getString("visit.photos"), Styles.SECTION_TITLE), addBox, thumbnails);

        // ----- complete
        Label formError = Ui.bound(vm.formErrorProperty(), Styles.FORM_ERROR);
        formError.setId("visit-form-error");
        hideWhenBlank(formError);
        Button complete = Ui.button(texts.getString("visit.complete"), Material2AL.CHECK_CIRCLE, Styles.PRIMARY);
        complete.setId("visit-complete");
        complete.setMaxWidth(Double.MAX_VALUE);
        complete.disableProperty().bind(vm.busyProperty().or(vm.loadedProperty().not()));
        complete.setOnAction(e -> vm.complete());
        VBox completeBox = new VBox(10, formError, complete);
        showWhen(completeBox, vm.frozenProperty().not());

        column.getChildren().setAll(header, frozen, form, energy, actions, orientations, tasks, photos, signature,
                completeBox);
        return Ui.page(column);
    }

    /** Adds a part at the top of the visit, above the resident (e.g. the arrival check-in). */
    public void insertAtTop(Node part) {
        node();
        column.getChildren().add(0, part);
    }

    // ----- energy

    private VBox energyCard() {
        CheckBox meters = new CheckBox(texts.getString("visit.energy.meters"));
        meters.setId("energy-meters");
        meters.selectedProperty().bindBidirectional(vm.metersCheckedProperty());

        ToggleGroup linkyGroup = new ToggleGroup();
        HBox linky = new HBox(8);
        linky.setId("energy-linky");
        Boolean[] values = {Boolean.TRUE, Boolean.FALSE, null};
        String[] keys = {"visit.energy.linky.yes", "visit.energy.linky.no", "visit.energy.linky.unknown"};
        String[] ids = {"yes", "no", "unknown"};
        for (int i = 0; i < values.length; i++) {
            Boolean v = values[i];
            ToggleButton b = new ToggleButton(texts.getString(keys[i]));
            b.setId("energy-linky-" + ids[i]);
            b.getStyleClass().add(Styles.CHIP);
            b.setToggleGroup(linkyGroup);
            b.setSelected(java.util.Objects.equals(vm.linkyProperty().get(), v));
            b.setOnAction(e -> {
                vm.linkyProperty().set(v);
                b.setSelected(true);
            });
            vm.linkyProperty().addListener((o, a, n) -> b.setSelected(java.util.Objects.equals(n, v)));
            b.disableProperty().bind(vm.frozenProperty());
            linky.getChildren().add(b);
        }
        VBox linkyField = new VBox(6, Ui.label(texts.getString("visit.energy.linky"), Styles.FIELD_LABEL), linky);
        linkyField.getStyleClass().add(Styles.FIELD);

        ComboBox<CodeItem> supply = combo(ListNames.SUPPLY_STATE, vm.supplyStateProperty(), "energy-supply");
        TextField kva = text("energy-kva", vm.kvaProperty());
        VBox kvaField = Ui.field(texts.getString("visit.energy.kva"), kva, vm.errorProperty("energy.kva"));
        showWhen(kvaField, vm.kvaVisibleProperty());
        TextField since = text("energy-since", vm.supplySinceProperty());
        since.setPromptText(texts.getString("visit.followup.due.prompt"));
        ComboBox<CodeItem> heating = combo(ListNames.HEATING_TYPE, vm.heatingTypeProperty(), "energy-heating");
        FlowPane eco = chips(vm.options(ListNames.ECO_GESTURE), vm.ecoGestures(), vm::setEcoGesture, "eco-");
        FlowPane equipment = chips(vm.options(ListNames.EQUIPMENT_ISSUE), vm.equipmentIssues(), vm::setEquipmentIssue,
                "equipment-");
        ComboBox<CodeItem> renovation = combo(ListNames.RENOVATION_ORIENTATION, vm.renovationProperty(),
                "energy-renovation");
        meters.disableProperty().bind(vm.frozenProperty());

        VBox card = Ui.card(Ui.label(texts.getString("visit.section.energy"), Styles.SECTION_TITLE),
                meters, linkyField,
                Ui.row(Ui.field(texts.getString("visit.energy.supply"), supply, null), kvaField,
                        Ui.field(texts.getString("visit.energy.since"), since, vm.errorProperty("energy.since"))),
                Ui.field(texts.getString("visit.energy.heating"), heating, null),
                chipField("visit.energy.eco", eco, null),
                chipField("visit.energy.equipment", equipment, null),
                Ui.field(texts.getString("visit.energy.renovation"), renovation, null));
        card.setId("visit-energy");
        showWhen(card, vm.energyVisibleProperty());
        return card;
    }

    // ----- actions

    private VBox actionsCard() {
        VBox list = new VBox(8);
        list.setId("visit-actions");
        Runnable render = () -> {
            list.getChildren().clear();
            if (vm.actions().isEmpty()) {
                list.getChildren().add(Ui.label(texts.getString("visit.actions.empty"), Styles.MUTED));
            }
            for (ActionDto a : vm.actions()) {
                list.getChildren().add(item("action-" + a.id(), vm.actionTitle(a), vm.actionDetails(a),
                        () -> vm.editAction(a.id()), () -> vm.removeAction(a.id())));
            }
        };
        vm.actions().addListener((ListChangeListener<ActionDto>) c -> render.run());
        vm.frozenProperty().addListener((o, a, b) -> render.run());
        render.run();

        ActionEditor ed = vm.actionEditor();
        ComboBox<CodeItem> type = combo(ListNames.ACTION_TYPE, ed.typeProperty(), "action-type");
        ComboBox<CodeItem> domain = codeCombo(vm.domainOptions(), ed.domainProperty(), "action-domain");
        domain.setPromptText(texts.getString("visit.choose"));
        TextField target = text("action-target", ed.targetProperty());
        TextField date = text("action-date", ed.dateProperty());
        date.setPromptText(texts.getString("visit.followup.due.prompt"));
        ComboBox<CodeItem> result = combo(ListNames.ACTION_RESULT, ed.resultProperty(), "action-result");
        TextField requested = text("action-amount-requested", ed.amountRequestedProperty());
        requested.setPromptText(texts.getString("visit.action.amount.prompt"));
        TextField obtained = text("action-amount-obtained", ed.amountObtainedProperty());
        obtained.setPromptText(texts.getString("visit.action.amount.prompt"));
        TextField reference = text("action-reference", ed.referenceProperty());
        CheckBox onBehalf = new CheckBox(texts.getString("visit.action.onbehalf.check"));
        onBehalf.setId("action-onbehalf");
        onBehalf.selectedProperty().bindBidirectional(ed.onBehalfProperty());
        ComboBox<ActionEditor.MandateChoice> mandate = new ComboBox<>(ed.mandateOptions());
        mandate.setId("action-mandate");
        mandate.setPromptText(texts.getString("visit.choose"));
        mandate.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ActionEditor.MandateChoice m) {
                return m == null ? "" : m.label();
            }

            @Override
            public ActionEditor.MandateChoice fromString(String s) {
                return null;
            }
        });
        Runnable mandateFromModel = () -> mandate.setValue(ed.mandateOptions().stream()
                .filter(m -> m.id().equals(ed.mandateIdProperty().get())).findFirst().orElse(null));
        ed.mandateIdProperty().addListener((o, a, b) -> mandateFromModel.run());
        ed.mandateOptions().addListener((ListChangeListener<ActionEditor.MandateChoice>) c -> mandateFromModel.run());
        mandate.valueProperty().addListener((o, a, m) -> {
            if (m != null && !m.id().equals(ed.mandateIdProperty().get())) {
                ed.mandateIdProperty().set(m.id());
            }
        });
        VBox mandateField = Ui.field(texts.getString("visit.action.mandate"), mandate, ed.errorProperty("mandate"));
        VBox onBehalfBox = new VBox(6, onBehalf, mandateField);
        mandateField.visibleProperty().bind(ed.onBehalfProperty());
        mandateField.managedProperty().bind(mandateField.visibleProperty());
        TextArea note = new TextArea();
        note.setId("action-note");
        note.setWrapText(true);
        note.setPrefRowCount(2);
        note.textProperty().bindBidirectional(ed.noteProperty());

        Button save = Ui.button(texts.getString("visit.action.save"), Material2AL.CHECK, Styles.PRIMARY);
        save.setId("action-save");
        save.setOnAction(e -> vm.saveAction());
        Button cancel = Ui.button(texts.getString("visit.cancel"), null, Styles.SECONDARY);
        cancel.setId("action-cancel");
        cancel.setOnAction(e -> vm.cancelAction());
        VBox editor = new VBox(10,
                Ui.row(Ui.field(texts.getString("visit.action.type"), type, ed.errorProperty("type")),
                        Ui.field(texts.getString("visit.action.domain"), domain, ed.errorProperty("domain"))),
                Ui.row(Ui.field(texts.getString("visit.action.target"), target, ed.errorProperty("target")),
                        Ui.field(texts.getString("visit.action.date"), date, ed.errorProperty("date"))),
                Ui.row(Ui.field(texts.getString("visit.action.amount.requested"), requested,
                                ed.errorProperty("amountRequested")),
                        Ui.field(texts.getString("visit.action.amount.obtained"), obtained,
                                ed.errorProperty("amountObtained")),
                        Ui.field(texts.getString("visit.action.result"), result, ed.errorProperty("result"))),
                Ui.field(texts.getString("visit.action.reference"), reference, ed.errorProperty("reference")),
                onBehalfBox,
                Ui.field(texts.getString("visit.action.note"), note, ed.errorProperty("note")),
                buttons(save, cancel));
        editor.getStyleClass().add(Styles.LIST_ITEM);
        editor.setId("action-editor");
        showWhen(editor, ed.openProperty());

        Button add = Ui.button(texts.getString("visit.action.add"), Material2AL.ADD, Styles.SECONDARY);
        add.setId("visit-action-add");
        add.setOnAction(e -> vm.newAction());
        showWhen(add, vm.frozenProperty().not().and(ed.openProperty().not()));
        Label error = Ui.bound(vm.errorProperty("actions"), Styles.FIELD_ERROR);
        hideWhenBlank(error);
        return Ui.card(Ui.label(texts.getString("visit.section.actions"), Styles.SECTION_TITLE), list, error, editor, add);
    }

    // ----- orientations

    private VBox orientationsCard() {
        VBox list = new VBox(8);
        list.setId("visit-orientations");
        Runnable render = () -> {
            list.getChildren().clear();
            if (vm.orientations().isEmpty()) {
                list.getChildren().add(Ui.label(texts.getString("visit.orientations.empty"), Styles.MUTED));
            }
            for (OrientationDto o : vm.orientations()) {
                list.getChildren().add(item("orientation-" + o.id(), vm.orientationTitle(o), vm.orientationDetails(o),
                        () -> vm.editOrientation(o.id()), () -> vm.removeOrientation(o.id())));
            }
        };
        vm.orientations().addListener((ListChangeListener<OrientationDto>) c -> render.run());
        vm.frozenProperty().addListener((o, a, b) -> render.run());
        render.run();

        OrientationEditor ed = vm.orientationEditor();
        ComboBox<CodeItem> target = combo(ListNames.ORIENTATION_TARGET, ed.targetProperty(), "orientation-target");
        TextArea reason = new TextArea();
        reason.setId("orientation-reason");
        reason.setWrapText(true);
        reason.setPrefRowCount(2);
        reason.textProperty().bindBidirectional(ed.reasonProperty());
        TextField date = text("orientation-date", ed.dateProperty());
        date.setPromptText(texts.getString("visit.followup.due.prompt"));
        ComboBox<CodeItem> mode = combo(ListNames.ORIENTATION_MODE, ed.modeProperty(), "orientation-mode");
        CheckBox consent = new CheckBox(texts.getString("visit.orientation.consent"));
        consent.setId("orientation-consent");
        consent.setWrapText(true);
        consent.selectedProperty().bindBidirectional(ed.consentProperty());
        ComboBox<CodeItem> feedback = combo(ListNames.ORIENTATION_FEEDBACK, ed.feedbackProperty(), "orientation-feedback");
        Button save = Ui.button(texts.getString("visit.orientation.save"), Material2AL.CHECK, Styles.PRIMARY);
        save.setId("orientation-save");
        save.setOnAction(e -> vm.saveOrientation());
        Button cancel = Ui.button(texts.getString("visit.cancel"), null, Styles.SECONDARY);
        cancel.setOnAction(e -> vm.cancelOrientation());
        VBox editor = new VBox(10,
                Ui.row(Ui.field(texts.getString("visit.orientation.target"), target, ed.errorProperty("target")),
                        Ui.field(texts.getString("visit.orientation.date"), date, ed.errorProperty("date"))),
                Ui.field(texts.getString("visit.orientation.reason"), reason, ed.errorProperty("reason")),
                Ui.row(Ui.field(texts.getString("visit.orientation.mode"), mode, ed.errorProperty("mode")),
                        Ui.field(texts.getString("visit.orientation.feedback"), feedback, ed.errorProperty("feedback"))),
                consent,
                buttons(save, cancel));
        editor.getStyleClass().add(Styles.LIST_ITEM);
        editor.setId("orientation-editor");
        showWhen(editor, ed.openProperty());
        Button add = Ui.button(texts.getString("visit.orientation.add"), Material2AL.ADD, Styles.SECONDARY);
        add.setId("visit-orientation-add");
        add.setOnAction(e -> vm.newOrientation());
        showWhen(add, vm.frozenProperty().not().and(ed.openProperty().not()));
        Label error = Ui.bound(vm.errorProperty("orientations"), Styles.FIELD_ERROR);
        hideWhenBlank(error);
        return Ui.card(Ui.label(texts.getString("visit.section.orientations"), Styles.SECTION_TITLE), list, error, editor,
                add);
    }

    // ----- follow-up tasks typed by hand

    private VBox tasksCard() {
        VBox list = new VBox(6);
        list.setId("visit-tasks");
        Runnable render = () -> {
            list.getChildren().clear();
            if (vm.plannedTasks().isEmpty()) {
                list.getChildren().add(Ui.label(texts.getString("visit.tasks.empty"), Styles.MUTED));
            }
            for (int i = 0; i < vm.plannedTasks().size(); i++) {
                int index = i;
                list.getChildren().add(item("planned-task-" + i, vm.taskText(vm.plannedTasks().get(i)), List.of(), null,
                        () -> vm.removeTask(index)));
            }
        };
        vm.plannedTasks().addListener((ListChangeListener<VisitReport.PlannedTask>) c -> render.run());
        vm.frozenProperty().addListener((o, a, b) -> render.run());
        render.run();
        TextField title = text("task-title", vm.newTaskTitleProperty());
        TextField due = text("task-due", vm.newTaskDueProperty());
        due.setPromptText(texts.getString("visit.followup.due.prompt"));
        due.setPrefColumnCount(10);
        Button add = Ui.button(texts.getString("visit.task.add"), Material2AL.ADD, Styles.SECONDARY);
        add.setId("task-add");
        add.setOnAction(e -> vm.addTask());
        VBox form = new VBox(10, Ui.row(Ui.field(texts.getString("visit.task.title"), title, vm.errorProperty("task.title")),
                Ui.field(texts.getString("visit.task.due"), due, vm.errorProperty("task.due"))), add);
        showWhen(form, vm.frozenProperty().not());
        Label error = Ui.bound(vm.errorProperty("tasks"), Styles.FIELD_ERROR);
        hideWhenBlank(error);
        return Ui.card(Ui.label(texts.getString("visit.section.tasks"), Styles.SECTION_TITLE),
                Ui.label(texts.getString("visit.tasks.hint"), Styles.HINT), list, error, form);
    }

    // ----- signature or attestation

    private VBox signatureCard() {
        CheckBox attested = new CheckBox(texts.getString("visit.attested"));
        attested.setId("visit-attested");
        attested.setWrapText(true);
        attested.selectedProperty().bindBidirectional(vm.attestedProperty());
        attested.disableProperty().bind(vm.frozenProperty());
        Label done = Ui.label(texts.getString("visit.signature.done"), Styles.STATUS, Styles.STATUS_DONE);
        done.setId("visit-signed");
        showWhen(done, vm.signatureDocumentIdProperty().isNotNull());
        Label error = Ui.bound(vm.errorProperty("signature"), Styles.FIELD_ERROR);
        error.setId("visit-signature-error");
        hideWhenBlank(error);
        VBox card = Ui.card(Ui.label(texts.getString("visit.section.signature"), Styles.SECTION_TITLE), done);
        if (vm.signatureAvailable()) {
            SignaturePad pad = new SignaturePad(texts.getString("visit.signature.hint"),
                    texts.getString("visit.signature.clear"));
            pad.setId("visit-signature-pad");
            Button keep = Ui.button(texts.getString("visit.signature.keep"), Material2AL.CHECK, Styles.PRIMARY);
            keep.setId("visit-signature-keep");
            keep.disableProperty().bind(pad.emptyProperty());
            keep.setOnAction(e -> vm.sign(pad.signature()).thenAccept(ok -> {
                if (ok) {
                    pad.clear();
                }
            }));
            VBox drawing = new VBox(10, pad, keep);
            showWhen(drawing, vm.frozenProperty().not().and(vm.signatureDocumentIdProperty().isNull()));
            Button redo = Ui.button(texts.getString("visit.signature.redo"), Material2AL.EDIT, Styles.SECONDARY);
            redo.setId("visit-signature-redo");
            redo.setOnAction(e -> vm.clearSignature());
            showWhen(redo, vm.frozenProperty().not().and(vm.signatureDocumentIdProperty().isNotNull()));
            card.getChildren().addAll(drawing, redo);
        }
        card.getChildren().addAll(attested, error);
        card.setId("visit-signature");
        return card;
    }

    // ----- small builders

    private TextField text(String id, javafx.beans.property.StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(value);
        t.editableProperty().bind(vm.frozenProperty().not());
        return t;
    }

    private ComboBox<CodeItem> combo(String list, ObjectProperty<String> code, String id) {
        ComboBox<CodeItem> c = codeCombo(vm.options(list), code, id);
        c.setPromptText(texts.getString("visit.choose"));
        c.disableProperty().bind(vm.frozenProperty());
        return c;
    }

    private VBox chipField(String labelKey, FlowPane chips, javafx.beans.value.ObservableValue<String> error) {
        VBox box = new VBox(6, Ui.label(texts.getString(labelKey), Styles.FIELD_LABEL), chips);
        if (error != null) {
            Label e = Ui.bound(error, Styles.FIELD_ERROR);
            hideWhenBlank(e);
            box.getChildren().add(e);
        }
        box.getStyleClass().add(Styles.FIELD);
        return box;
    }

    /** Chips of a code list, selected when their code is in {@code selected}. */
    private FlowPane chips(ObservableList<CodeItem> options, ObservableList<String> selected,
                           java.util.function.BiConsumer<String, Boolean> select, String idPrefix) {
        FlowPane pane = new FlowPane(8, 8);
        Runnable render = () -> {
            pane.getChildren().clear();
            for (CodeItem item : options) {
                ToggleButton chip = new ToggleButton(item.labelOrCode());
                chip.getStyleClass().add(Styles.CHIP);
                chip.setUserData(item.code());
                chip.setId(idPrefix + item.code());
                chip.setSelected(selected.contains(item.code()));
                chip.setMnemonicParsing(false);
                chip.disableProperty().bind(vm.frozenProperty());
                chip.selectedProperty().addListener((o, a, on) -> select.accept(item.code(), on));
                pane.getChildren().add(chip);
            }
        };
        options.addListener((ListChangeListener<CodeItem>) c -> render.run());
        selected.addListener((ListChangeListener<String>) c -> {
            for (Node n : pane.getChildren()) {
                if (n instanceof ToggleButton chip) {
                    boolean on = selected.contains((String) chip.getUserData());
                    if (chip.isSelected() != on) {
                        chip.setSelected(on);
                    }
                }
            }
        });
        render.run();
        return pane;
    }

    /** An action, orientation or task in its list, with "Modifier" and "Retirer" while the report is a draft. */
    private Node item(String id, String title, List<String> details, Runnable edit, Runnable remove) {
        VBox text = new VBox(2, Ui.label(title, Styles.ITEM_TITLE));
        details.forEach(d -> text.getChildren().add(Ui.label(d, Styles.MUTED, Styles.SMALL)));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(8, text);
        row.setAlignment(Pos.TOP_LEFT);
        VBox actions = new VBox(8);
        row.getStyleClass().add(Styles.LIST_ITEM);
        row.setId(id);
        if (!vm.frozenProperty().get()) {
            if (edit != null) {
                Button e = Ui.iconButton(Material2AL.EDIT, texts.getString("visit.edit"));
                e.setId(id + "-edit");
                e.setOnAction(x -> edit.run());
                actions.getChildren().add(e);
            }
            Button r = Ui.iconButton(Material2AL.DELETE, texts.getString("visit.remove"));
            r.setId(id + "-remove");
            r.setOnAction(x -> remove.run());
            actions.getChildren().add(r);
            row.getChildren().add(actions);
        }
        return row;
    }

    private static HBox buttons(Button... buttons) {
        HBox box = new HBox(10, buttons);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static void showWhen(Node n, javafx.beans.value.ObservableValue<Boolean> condition) {
        n.visibleProperty().bind(condition);
        n.managedProperty().bind(n.visibleProperty());
    }

    private ComboBox<CodeItem> codeCombo(ObservableList<CodeItem> options, ObjectProperty<String> code, String id) {
        ComboBox<CodeItem> combo = new ComboBox<>(options);
        combo.setId(id);
        combo.setMaxWidth(Double.MAX_VALUE);
        Function<CodeItem, String> label = VisitReportViewModel::label;
        combo.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(CodeItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : label.apply(item));
            }
        });
        combo.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(CodeItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? combo.getPromptText() : label.apply(item));
            }
        });
        Runnable fromModel = () -> combo.setValue(options.stream()
                .filter(c -> c.code().equals(code.get())).findFirst().orElse(null));
        code.addListener((o, a, b) -> fromModel.run());
        options.addListener((ListChangeListener<CodeItem>) c -> fromModel.run());
        combo.valueProperty().addListener((o, a, item) -> {
            String v = item == null ? null : item.code();
            if (!java.util.Objects.equals(v, code.get()) && item != null) {
                code.set(v);
            }
        });
        fromModel.run();
        return combo;
    }

    private void renderPhotos() {
        thumbnails.getChildren().clear();
        if (vm.photos().isEmpty()) {
            thumbnails.getChildren().add(Ui.label(texts.getString("visit.photos.empty"), Styles.MUTED));
            return;
        }
        for (VisitReportViewModel.PhotoRow row : vm.photos()) {
            thumbnails.getChildren().add(thumbnail(row));
        }
    }

    private Node thumbnail(VisitReportViewModel.PhotoRow row) {
        ImageView image = new ImageView();
        image.setFitWidth(THUMB_W);
        image.setFitHeight(THUMB_H);
        image.setPreserveRatio(true);
        StackPane frame = new StackPane(image);
        frame.setPrefSize(THUMB_W, THUMB_H);
        frame.setMinSize(THUMB_W, THUMB_H);
        frame.getStyleClass().add(Styles.THUMBNAIL);
        Image known = images.get(row.documentId());
        if (known != null) {
            image.setImage(known);
        } else {
            vm.photoBytes(row.documentId()).thenAccept(bytes -> bytes.ifPresent(b -> {
                Image decoded = new Image(new ByteArrayInputStream(b), THUMB_W * 2, THUMB_H * 2, true, true);
                images.put(row.documentId(), decoded);
                image.setImage(decoded);
            }));
        }
        Label type = Ui.label(row.typeLabel(), Styles.SMALL);
        type.setMaxWidth(THUMB_W);
        VBox box = new VBox(6, frame, type, photoState(row));
        box.getStyleClass().add(Styles.THUMBNAIL_BOX);
        box.setAlignment(Pos.TOP_LEFT);
        box.setPrefWidth(THUMB_W + 14);
        box.setMaxWidth(THUMB_W + 14);
        box.setId("photo-" + row.documentId());
        if (!vm.frozenProperty().get()) {
            if (onDescribe != null) {
                Button describe = Ui.button(texts.getString("visit.photo.describe"), Material2AL.EDIT,
                        atlantafx.base.theme.Styles.FLAT);
                describe.setId("photo-describe-" + row.documentId());
                describe.setOnAction(e -> onDescribe.accept(row.documentId()));
                box.getChildren().add(describe);
            }
            Button remove = Ui.button(texts.getString("visit.photo.remove"), Material2AL.DELETE, Styles.DANGER,
                    atlantafx.base.theme.Styles.FLAT);
            remove.setOnAction(e -> vm.removePhoto(row.documentId()));
            box.getChildren().add(remove);
        }
        return box;
    }

    /** Where the photo stands: a coloured label, a progress bar while it is sent, the reason if it needs attention. */
    private Node photoState(VisitReportViewModel.PhotoRow row) {
        Label state = new Label(row.stateText());
        state.getStyleClass().addAll(Styles.STATUS, Styles.PHOTO_STATE, switch (row.delivery()) {
            case RECEIVED -> Styles.STATUS_DONE;
            case NEEDS_ATTENTION -> Styles.STATUS_CANCELLED;
            case QUEUED, SENDING -> Styles.STATUS_PLANNED;
            case LOCAL -> Styles.MUTED;
        });
        state.setGraphic(Icons.of(switch (row.delivery()) {
            case LOCAL -> Material2MZ.PHONE_ANDROID;
            case QUEUED -> Material2MZ.SCHEDULE;
            case SENDING -> Material2AL.CLOUD_UPLOAD;
            case RECEIVED -> Material2AL.CLOUD_DONE;
            case NEEDS_ATTENTION -> Material2AL.ERROR_OUTLINE;
        }, 14));
        state.setId("photo-state-" + row.documentId());
        VBox box = new VBox(4, state);
        if (row.showsProgress()) {
            javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar(row.percent() / 100.0);
            bar.setMaxWidth(THUMB_W);
            bar.setPrefWidth(THUMB_W);
            bar.getStyleClass().add(Styles.TRANSFER_PROGRESS);
            bar.setId("photo-progress-" + row.documentId());
            box.getChildren().add(bar);
        }
        if (!row.reason().isEmpty()) {
            Label reason = Ui.label(row.reason(), Styles.FIELD_ERROR);
            reason.setMaxWidth(THUMB_W);
            box.getChildren().add(reason);
        }
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

    private static void hideWhenBlank(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
