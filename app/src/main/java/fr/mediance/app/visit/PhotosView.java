package fr.mediance.app.visit;

import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.visit.PhotosViewModel;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The photos card: the type of the next document and "Photographier", then each photo with where it stands. */
final class PhotosView {

    /** Wide enough for the longest state ("Reçue par le bureau"), so that every box has the same width. */
    private static final int THUMB_W = 176;

    private static final int THUMB_H = 132;

    private final PhotosViewModel vm;
    private final VisitFields fields;
    private final Consumer<String> onDescribe;
    private final FlowPane thumbnails = new FlowPane(10, 10);
    /** Decoded thumbnails, kept while the screen lives: a photo's state changes often while it is sent. */
    private final Map<String, Image> images = new HashMap<>();

    /** {@code onDescribe} opens "Décrire le document" for a photo of the draft (null: not offered). */
    PhotosView(PhotosViewModel vm, VisitFields fields, Consumer<String> onDescribe) {
        this.vm = vm;
        this.fields = fields;
        this.onDescribe = onDescribe;
    }

    VBox build() {
        ComboBox<CodeItem> photoType =
                CodeChoices.combo("visit-photo-type", vm.documentTypeOptions(), vm.newPhotoTypeProperty());
        photoType.setPromptText(fields.text("visit.photo.type.prompt"));
        Button add = Ui.button(fields.text("visit.photo.add"), Material2AL.CAMERA_ALT, Styles.PRIMARY);
        add.setId("visit-photo-add");
        add.disableProperty().bind(vm.capturingProperty());
        add.setOnAction(e -> vm.addPhoto());
        add.setMaxWidth(Double.MAX_VALUE);
        VBox typeField = Ui.field(fields.text("visit.photo.type"), photoType, vm.errorProperty());
        VBox addBox = new VBox(10, typeField, add);
        Ui.showWhen(addBox, vm.frozenProperty().not());

        thumbnails.setId("visit-photos");
        vm.rows().addListener((ListChangeListener<PhotosViewModel.PhotoRow>) c -> render());
        vm.frozenProperty().addListener((o, a, b) -> render());
        render();
        return Ui.card(Ui.label(fields.text("visit.photos"), Styles.SECTION_TITLE), addBox, thumbnails);
    }

    private void render() {
        thumbnails.getChildren().clear();
        if (vm.rows().isEmpty()) {
            thumbnails.getChildren().add(Ui.label(fields.text("visit.photos.empty"), Styles.MUTED));
            return;
        }
        for (PhotosViewModel.PhotoRow row : vm.rows()) {
            thumbnails.getChildren().add(thumbnail(row));
        }
    }

    private Node thumbnail(PhotosViewModel.PhotoRow row) {
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
            vm.photoBytes(row.documentId())
                    .thenAccept(bytes -> bytes.ifPresent(b -> {
                        Image decoded = new Image(new ByteArrayInputStream(b), THUMB_W * 2, THUMB_H * 2, true, true);
                        images.put(row.documentId(), decoded);
                        image.setImage(decoded);
                    }));
        }
        Label type = Ui.label(row.typeLabel(), Styles.SMALL);
        type.setMaxWidth(THUMB_W);
        VBox box = new VBox(6, frame, type, state(row));
        box.getStyleClass().add(Styles.THUMBNAIL_BOX);
        box.setAlignment(Pos.TOP_LEFT);
        box.setPrefWidth(THUMB_W + 14);
        box.setMaxWidth(THUMB_W + 14);
        box.setId("photo-" + row.documentId());
        if (!fields.frozen()) {
            if (onDescribe != null) {
                Button describe = Ui.button(
                        fields.text("visit.photo.describe"), Material2AL.EDIT, atlantafx.base.theme.Styles.FLAT);
                describe.setId("photo-describe-" + row.documentId());
                describe.setOnAction(e -> onDescribe.accept(row.documentId()));
                box.getChildren().add(describe);
            }
            Button remove = Ui.button(
                    fields.text("visit.photo.remove"),
                    Material2AL.DELETE,
                    Styles.DANGER,
                    atlantafx.base.theme.Styles.FLAT);
            remove.setOnAction(e -> vm.removePhoto(row.documentId()));
            box.getChildren().add(remove);
        }
        return box;
    }

    /** Where the photo stands: a coloured label, a progress bar while it is sent, the reason if it needs attention. */
    private Node state(PhotosViewModel.PhotoRow row) {
        Label state = new Label(row.stateText());
        state.getStyleClass()
                .addAll(
                        Styles.STATUS,
                        Styles.PHOTO_STATE,
                        switch (row.delivery()) {
                            case RECEIVED -> Styles.STATUS_DONE;
                            case NEEDS_ATTENTION -> Styles.STATUS_CANCELLED;
                            case QUEUED, SENDING -> Styles.STATUS_PLANNED;
                            case LOCAL -> Styles.MUTED;
                        });
        state.setGraphic(Icons.of(
                switch (row.delivery()) {
                    case LOCAL -> Material2MZ.PHONE_ANDROID;
                    case QUEUED -> Material2MZ.SCHEDULE;
                    case SENDING -> Material2AL.CLOUD_UPLOAD;
                    case RECEIVED -> Material2AL.CLOUD_DONE;
                    case NEEDS_ATTENTION -> Material2AL.ERROR_OUTLINE;
                },
                14));
        state.setId("photo-state-" + row.documentId());
        VBox box = new VBox(4, state);
        if (row.showsProgress()) {
            ProgressBar bar = new ProgressBar(row.percent() / 100.0);
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
}
