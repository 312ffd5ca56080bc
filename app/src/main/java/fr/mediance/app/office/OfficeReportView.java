package fr.mediance.app.office;

import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.office.OfficeReportViewModel;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Screen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.io.ByteArrayInputStream;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;

/** One received report, read-only, with its photos (downloaded on demand into the encrypted cache). */
public final class OfficeReportView implements Screen {

    private static final int PHOTO_W = 220;
    private static final int PHOTO_H = 165;

    private final OfficeReportViewModel vm;
    private final ResourceBundle texts;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final FlowPane photos = new FlowPane(10, 10);
    private Node node;

    public OfficeReportView(OfficeReportViewModel vm, ResourceBundle texts) {
        this.vm = vm;
        this.texts = texts;
        title.bind(vm.titleProperty().map(t -> t.isBlank() ? texts.getString("office.report.title") : t));
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
        Label error = Ui.bound(vm.errorProperty(), Styles.FORM_ERROR);
        Ui.hideWhenBlank(error);
        VBox fields = Ui.card(
                Ui.bound(vm.titleProperty(), Styles.CARD_TITLE),
                value("office.report.date", vm.dateTextProperty()),
                value("office.report.resident", vm.residentTextProperty()),
                value("office.report.counsellor", vm.counsellorTextProperty()),
                value("office.report.medium", vm.mediumTextProperty()),
                value("office.report.domains", vm.domainsTextProperty()),
                value("office.report.synthesis", vm.synthesisTextProperty()),
                value("office.report.followup", vm.followUpTextProperty()),
                value("office.report.followup.due", vm.followUpDueTextProperty()),
                value("office.report.place", vm.placeTextProperty()),
                value("office.report.duration", vm.durationTextProperty()),
                value("office.report.persons", vm.personsTextProperty()),
                value("office.report.motifs", vm.motifsTextProperty()),
                value("office.report.signature", vm.signatureTextProperty()));
        Label supersedes = Ui.bound(vm.supersedesTextProperty(), Styles.HINT);
        Ui.hideWhenBlank(supersedes);
        fields.getChildren().add(1, supersedes);
        fields.setId("office-report");
        VBox energy = listCard("office.report.energy", "office-energy");
        VBox actions = listCard("office.report.actions", "office-actions");
        VBox orientations = listCard("office.report.orientations", "office-orientations");
        VBox tasks = listCard("office.report.tasks", "office-tasks");
        Runnable render = () -> {
            lines(energy, vm.energyLines());
            entries(actions, vm.actions());
            entries(orientations, vm.orientations());
            lines(tasks, vm.tasks());
        };
        vm.energyLines().addListener((ListChangeListener<String>) c -> render.run());
        vm.actions().addListener((ListChangeListener<OfficeReportViewModel.Entry>) c -> render.run());
        vm.orientations().addListener((ListChangeListener<OfficeReportViewModel.Entry>) c -> render.run());
        vm.tasks().addListener((ListChangeListener<String>) c -> render.run());
        render.run();
        photos.setId("office-photos");
        vm.photos().addListener((ListChangeListener<OfficeReportViewModel.PhotoRow>) c -> renderPhotos());
        renderPhotos();
        VBox photoCard = Ui.card(
                Ui.label(texts.getString("office.report.photos"), Styles.SECTION_TITLE),
                Ui.bound(vm.photosSummaryProperty(), Styles.MUTED),
                photos);
        return Ui.page(new VBox(16, error, fields, energy, actions, orientations, tasks, photoCard));
    }

    /** A card with a title whose lines are filled later; hidden while it has none. */
    private VBox listCard(String titleKey, String id) {
        VBox card = Ui.card(Ui.label(texts.getString(titleKey), Styles.SECTION_TITLE));
        card.setId(id);
        card.managedProperty().bind(card.visibleProperty());
        return card;
    }

    private static void lines(VBox card, java.util.List<String> lines) {
        card.getChildren().remove(1, card.getChildren().size());
        for (String l : lines) {
            card.getChildren().add(Ui.label(l));
        }
        card.setVisible(!lines.isEmpty());
    }

    private static void entries(VBox card, java.util.List<OfficeReportViewModel.Entry> entries) {
        card.getChildren().remove(1, card.getChildren().size());
        for (OfficeReportViewModel.Entry e : entries) {
            VBox item = new VBox(2, Ui.label(e.title(), Styles.ITEM_TITLE));
            e.details().forEach(d -> item.getChildren().add(Ui.label(d, Styles.MUTED)));
            item.getStyleClass().add(Styles.LIST_ITEM);
            card.getChildren().add(item);
        }
        card.setVisible(!entries.isEmpty());
    }

    private VBox value(String labelKey, ObservableValue<String> value) {
        VBox box = new VBox(2, Ui.label(texts.getString(labelKey), Styles.FIELD_LABEL), Ui.bound(value));
        box.getStyleClass().add(Styles.FIELD);
        return box;
    }

    private void renderPhotos() {
        photos.getChildren().clear();
        for (OfficeReportViewModel.PhotoRow row : vm.photos()) {
            ImageView image = new ImageView();
            image.setFitWidth(PHOTO_W);
            image.setFitHeight(PHOTO_H);
            image.setPreserveRatio(true);
            Label state = Ui.label(
                    row.available() ? texts.getString("office.report.photo.loading") : row.stateText(), Styles.HINT);
            state.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            state.setAlignment(Pos.CENTER);
            state.setMaxWidth(PHOTO_W - 20);
            StackPane frame;
            if (row.available()) {
                frame = new StackPane(image, state);
                StackPane.setAlignment(state, Pos.BOTTOM_CENTER);
            } else {
                // still on its way from the counsellor's tablet: the rest of the report can be read meanwhile
                VBox waiting = new VBox(8, Icons.of(Material2AL.HOURGLASS_EMPTY, 32), state);
                waiting.setAlignment(Pos.CENTER);
                waiting.getStyleClass().add(Styles.PHOTO_WAITING);
                frame = new StackPane(waiting);
            }
            frame.setPrefSize(PHOTO_W, PHOTO_H);
            frame.setMinSize(PHOTO_W, PHOTO_H);
            frame.getStyleClass().add(Styles.THUMBNAIL);
            if (row.available()) {
                vm.photo(row.documentId()).thenAccept(o -> {
                    if (o instanceof Outcome.Ok<byte[]> ok) {
                        image.setImage(
                                new Image(new ByteArrayInputStream(ok.value()), PHOTO_W * 2, PHOTO_H * 2, true, true));
                        state.setText("");
                        state.setVisible(false);
                    } else {
                        state.setText(
                                o.message().isBlank() ? texts.getString("office.report.photo.failed") : o.message());
                    }
                });
            }
            VBox box = new VBox(6, frame, Ui.label(row.typeLabel(), Styles.SMALL));
            box.getStyleClass().add(Styles.THUMBNAIL_BOX);
            box.setId("office-photo-" + row.documentId());
            photos.getChildren().add(box);
        }
    }
}
