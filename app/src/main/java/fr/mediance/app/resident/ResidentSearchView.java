package fr.mediance.app.resident;

import fr.mediance.app.core.resident.ResidentSearchViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Personnes": search field, results (name, file number, address, phone), and "Nouvelle personne" for an account
 * that may create a resident.
 */
public final class ResidentSearchView extends BasicScreen {

    private final ResidentSearchViewModel vm;
    private final ResourceBundle texts;
    private final VBox results = new VBox(8);

    public ResidentSearchView(ResidentSearchViewModel vm, ResourceBundle texts) {
        super(texts.getString("resident.search.title"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        TextField search = new TextField();
        search.setId("resident-search");
        search.setPromptText(texts.getString("resident.search.prompt"));
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.setMinHeight(44);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && vm.results().size() == 1) {
                vm.open(vm.results().get(0).residentId());
            }
        });
        Button add = Ui.button(texts.getString("resident.new"), Material2MZ.PERSON_ADD, Styles.SECONDARY);
        add.setId("resident-new");
        add.setMinHeight(44);
        add.visibleProperty().bind(vm.creationOfferedProperty());
        add.managedProperty().bind(add.visibleProperty());
        search.setMaxWidth(Double.MAX_VALUE);
        VBox bar = new VBox(10, search, add);

        TextField last = new TextField();
        last.setId("resident-new-lastName");
        last.textProperty().bindBidirectional(vm.newLastNameProperty());
        TextField first = new TextField();
        first.setId("resident-new-firstName");
        first.textProperty().bindBidirectional(vm.newFirstNameProperty());
        Button create = Ui.button(texts.getString("resident.new.create"), Material2MZ.PERSON_ADD, Styles.PRIMARY);
        create.setId("resident-new-create");
        create.setMinHeight(44);
        create.setOnAction(e -> vm.createPerson());
        VBox newCard = Ui.card(
                Ui.label(texts.getString("resident.new.title"), Styles.SECTION_TITLE),
                Ui.label(texts.getString("resident.new.hint"), Styles.HINT),
                Ui.row(
                        Ui.field(texts.getString("resident.field.lastName"), last, vm.newLastNameErrorProperty()),
                        Ui.field(texts.getString("resident.field.firstName"), first, vm.newFirstNameErrorProperty())),
                create);
        newCard.setId("resident-new-card");
        newCard.setVisible(false);
        newCard.managedProperty().bind(newCard.visibleProperty());
        add.setOnAction(e -> {
            vm.prefillNewPerson();
            newCard.setVisible(!newCard.isVisible());
            if (newCard.isVisible()) {
                last.requestFocus();
            }
        });

        results.setId("resident-results");
        vm.results().addListener((ListChangeListener<ResidentSearchViewModel.Row>) c -> render());
        vm.emptyMessageProperty().addListener((o, a, b) -> render());
        render();
        return Ui.page(new VBox(14, bar, newCard, results));
    }

    private void render() {
        results.getChildren().clear();
        if (vm.results().isEmpty()) {
            if (!vm.emptyMessageProperty().get().isEmpty()) {
                VBox empty = Ui.emptyState(
                        Material2MZ.PERSON_SEARCH,
                        vm.emptyMessageProperty().get(),
                        texts.getString(
                                vm.creationOfferedProperty().get()
                                        ? "resident.search.none.hint"
                                        : "resident.search.none.hint.coordination"));
                empty.setId("resident-search-empty");
                results.getChildren().add(empty);
            }
            return;
        }
        for (ResidentSearchViewModel.Row r : vm.results()) {
            Label name = Ui.label(r.name(), Styles.ITEM_TITLE);
            Label number = Ui.label(r.fileNumber(), Styles.MUTED, Styles.SMALL);
            HBox top = new HBox(10, name, Ui.spacer(), number);
            top.setAlignment(Pos.BASELINE_LEFT);
            VBox text = new VBox(2, top);
            if (!r.address().isEmpty()) {
                text.getChildren().add(Ui.label(r.address(), Styles.MUTED, Styles.SMALL));
            }
            if (!r.phone().isEmpty()) {
                text.getChildren().add(Ui.label(r.phone(), Styles.MUTED, Styles.SMALL));
            }
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox item = new HBox(12, Icons.of(Material2MZ.PERSON), text);
            item.setAlignment(Pos.CENTER_LEFT);
            item.setMinHeight(56);
            item.setMaxWidth(Double.MAX_VALUE);
            item.getStyleClass().add(Styles.LIST_ITEM);
            item.setFocusTraversable(true);
            item.setAccessibleRole(AccessibleRole.BUTTON);
            item.setAccessibleText(r.name());
            item.setId("resident-row-" + r.residentId());
            item.setOnMouseClicked(e -> vm.open(r.residentId()));
            item.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                    vm.open(r.residentId());
                }
            });
            results.getChildren().add(item);
        }
    }

    @Override
    public void onShow() {
        vm.refresh();
    }
}
