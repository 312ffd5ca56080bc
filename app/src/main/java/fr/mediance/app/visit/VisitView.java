package fr.mediance.app.visit;

import java.io.ByteArrayInputStream;
import java.util.ResourceBundle;
import java.util.function.Function;

import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.visit.VisitReportViewModel;
import fr.mediance.app.shell.Icons;
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
    private final FlowPane domainChips = new FlowPane(8, 8);
    private final FlowPane thumbnails = new FlowPane(10, 10);
    /** Decoded thumbnails, kept while the screen lives: a photo's state changes often while it is sent. */
    private final java.util.Map<String, Image> images = new java.util.HashMap<>();

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
        VBox frozen = new VBox(6, frozenText, delivery);
        frozen.getStyleClass().add(Styles.FROZEN_BANNER);
        frozen.setMaxWidth(Double.MAX_VALUE);
        frozen.visibleProperty().bind(vm.frozenProperty());
        frozen.managedProperty().bind(frozen.visibleProperty());

        Label codesHint = Ui.bound(vm.codesHintProperty(), Styles.FORM_ERROR);
        hideWhenBlank(codesHint);

        // ----- report fields
        ComboBox<CodeItem> medium = codeCombo(vm.mediumOptions(), vm.mediumProperty(), "visit-medium");
        medium.setPromptText(texts.getString("visit.medium.prompt"));

        domainChips.setId("visit-domains");
        vm.domainOptions().addListener((ListChangeListener<CodeItem>) c -> renderDomains());
        vm.domains().addListener((ListChangeListener<String>) c -> syncChips());
        vm.frozenProperty().addListener((o, a, b) -> renderDomains());
        renderDomains();
        Label domainsLabel = Ui.label(texts.getString("visit.domains"), Styles.FIELD_LABEL);
        Label domainsError = Ui.bound(vm.domainsErrorProperty(), Styles.FIELD_ERROR);
        domainsError.setId("visit-domains-error");
        hideWhenBlank(domainsError);
        VBox domains = new VBox(6, domainsLabel, domainChips, domainsError);
        domains.getStyleClass().add(Styles.FIELD);

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

        TextField due = new TextField();
        due.setId("visit-due");
        due.setPromptText(texts.getString("visit.followup.due.prompt"));
        due.textProperty().bindBidirectional(vm.followUpDueProperty());
        due.setPrefColumnCount(10);

        for (javafx.scene.control.TextInputControl t : new javafx.scene.control.TextInputControl[] {synthesis, followUp, due}) {
            t.editableProperty().bind(vm.frozenProperty().not());
        }
        medium.disableProperty().bind(vm.frozenProperty());

        Label saveStatus = Ui.bound(vm.saveStatusProperty(), Styles.MUTED, Styles.SMALL);
        saveStatus.setId("visit-save-status");

        VBox form = Ui.card(
                Ui.label(texts.getString("visit.title"), Styles.SECTION_TITLE),
                codesHint,
                Ui.field(texts.getString("visit.medium"), medium, vm.mediumErrorProperty()),
                domains,
                synthesisField,
                Ui.field(texts.getString("visit.followup"), followUp, vm.followUpErrorProperty()),
                Ui.row(Ui.field(texts.getString("visit.followup.due"), due, vm.followUpDueErrorProperty()), new StackPane()),
                saveStatus);

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
        completeBox.visibleProperty().bind(vm.frozenProperty().not());
        completeBox.managedProperty().bind(completeBox.visibleProperty());

        return Ui.page(new VBox(16, header, frozen, fr.mediance.app.checkin.CheckInBar.slot(), form, photos, completeBox));
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

    private void renderDomains() {
        domainChips.getChildren().clear();
        for (CodeItem item : vm.domainOptions()) {
            ToggleButton chip = new ToggleButton(item.labelOrCode());
            chip.getStyleClass().add(Styles.CHIP);
            chip.setUserData(item.code());
            chip.setId("domain-" + item.code());
            chip.setSelected(vm.isDomainSelected(item.code()));
            chip.setMnemonicParsing(false);
            chip.disableProperty().bind(vm.frozenProperty());
            chip.selectedProperty().addListener((o, a, selected) -> vm.setDomainSelected(item.code(), selected));
            domainChips.getChildren().add(chip);
        }
    }

    private void syncChips() {
        for (Node n : domainChips.getChildren()) {
            if (n instanceof ToggleButton chip) {
                boolean selected = vm.isDomainSelected((String) chip.getUserData());
                if (chip.isSelected() != selected) {
                    chip.setSelected(selected);
                }
            }
        }
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
