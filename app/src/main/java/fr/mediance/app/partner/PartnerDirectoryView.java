package fr.mediance.app.partner;

import fr.mediance.app.core.partner.PartnerDirectoryViewModel;
import fr.mediance.app.core.partner.PartnerDirectoryViewModel.Card;
import fr.mediance.app.core.partner.PartnerDirectoryViewModel.Row;
import fr.mediance.app.core.partner.PartnerDirectoryViewModel.ServiceCard;
import fr.mediance.app.core.platform.ExternalApps;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * « Annuaire des partenaires »: a search field that searches as one types, the results (name, type, city), and a
 * partner's card in their place — its services with their address, phone (a call on a device with a dialer, the
 * number to dial otherwise), e-mail, hours and the documents to bring. The office's « Nouveau partenaire » and
 * « Modifier » open the form.
 */
public final class PartnerDirectoryView extends BasicScreen {

    private final PartnerDirectoryViewModel vm;
    private final ExternalApps apps;
    private final ResourceBundle texts;
    private final Consumer<String> message;
    private final VBox results = new VBox(8);
    private final VBox card = new VBox(12);

    public PartnerDirectoryView(
            PartnerDirectoryViewModel vm, ExternalApps apps, ResourceBundle texts, Consumer<String> message) {
        super(texts.getString("partner.title"));
        this.vm = vm;
        this.apps = apps;
        this.texts = texts;
        this.message = message;
    }

    @Override
    protected Node build() {
        TextField search = new TextField();
        search.setId("partner-search");
        search.setPromptText(texts.getString("partner.search.prompt"));
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.setMinHeight(44);
        search.setMaxWidth(Double.MAX_VALUE);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && vm.results().size() == 1) {
                vm.open(vm.results().get(0).id());
            }
        });
        Button add = Ui.button(texts.getString("partner.new"), Material2AL.ADD, Styles.SECONDARY);
        add.setId("partner-new");
        add.setMinHeight(44);
        add.setOnAction(e -> vm.create());
        Ui.showWhen(add, vm.editableProperty());
        VBox bar = new VBox(10, search, add);

        results.setId("partner-results");
        card.setId("partner-card");
        vm.results().addListener((ListChangeListener<Row>) c -> renderResults());
        vm.emptyMessageProperty().addListener((o, a, b) -> renderResults());
        vm.cardProperty().addListener((o, a, b) -> renderCard());
        renderResults();
        renderCard();
        return Ui.page(new VBox(14, bar, card, results));
    }

    private void renderResults() {
        results.getChildren().clear();
        if (vm.results().isEmpty()) {
            if (!vm.emptyMessageProperty().get().isEmpty()) {
                VBox empty = Ui.emptyState(
                        Material2AL.CONTACT_PHONE, vm.emptyMessageProperty().get(), null);
                empty.setId("partner-search-empty");
                results.getChildren().add(empty);
            }
            return;
        }
        for (Row r : vm.results()) {
            Label name = Ui.label(r.name(), Styles.ITEM_TITLE);
            Label detail = Ui.label(r.detail(), Styles.MUTED, Styles.SMALL);
            VBox text = new VBox(2, name, detail);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox item = new HBox(12, Icons.of(r.active() ? Material2AL.BUSINESS : Material2AL.BLOCK), text);
            item.setAlignment(Pos.CENTER_LEFT);
            item.setMinHeight(56);
            item.setMaxWidth(Double.MAX_VALUE);
            item.getStyleClass().add(Styles.LIST_ITEM);
            item.setFocusTraversable(true);
            item.setAccessibleRole(AccessibleRole.BUTTON);
            item.setAccessibleText(r.name());
            item.setId("partner-row-" + r.id());
            item.setOnMouseClicked(e -> vm.open(r.id()));
            item.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                    vm.open(r.id());
                }
            });
            results.getChildren().add(item);
        }
    }

    private void renderCard() {
        card.getChildren().clear();
        Card c = vm.cardProperty().get();
        boolean shown = c != null;
        card.setVisible(shown);
        card.setManaged(shown);
        results.setVisible(!shown);
        results.setManaged(!shown);
        if (!shown) {
            return;
        }
        Button back = Ui.button(texts.getString("partner.card.back"), Material2AL.ARROW_BACK, Styles.SECONDARY);
        back.setId("partner-card-back");
        back.setMinHeight(44);
        back.setOnAction(e -> vm.close());
        Button edit = Ui.button(texts.getString("partner.card.edit"), Material2AL.EDIT, Styles.SECONDARY);
        edit.setId("partner-card-edit");
        edit.setMinHeight(44);
        edit.setOnAction(e -> vm.edit());
        Ui.showWhen(edit, vm.editableProperty());
        HBox actions = new HBox(10, back, Ui.spacer(), edit);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox head = Ui.card(
                Ui.label(c.name(), Styles.CARD_TITLE),
                Ui.label(c.type(), Styles.MUTED),
                Ui.label(c.categories(), Styles.SMALL));
        head.setSpacing(4);
        head.setId("partner-card-head");
        if (!c.active()) {
            head.getChildren().add(Ui.label(texts.getString("partner.card.inactive"), Styles.REMINDER));
        }
        if (!c.website().isEmpty()) {
            head.getChildren()
                    .add(Ui.label(
                            fr.mediance.app.core.Texts.format(texts, "partner.card.website", c.website()),
                            Styles.SMALL));
        }
        card.getChildren().addAll(actions, head);
        if (c.services().isEmpty()) {
            card.getChildren().add(Ui.label(texts.getString("partner.card.noService"), Styles.HINT));
        }
        int i = 0;
        for (ServiceCard s : c.services()) {
            VBox box = service(s);
            box.setId("partner-service-" + i++);
            card.getChildren().add(box);
        }
    }

    private VBox service(ServiceCard s) {
        VBox box = Ui.card(Ui.label(s.name(), Styles.SECTION_TITLE));
        box.setSpacing(6);
        if (!s.address().isEmpty()) {
            box.getChildren().add(line(Material2MZ.PLACE, Ui.label(s.address())));
        }
        if (!s.phone().isEmpty()) {
            Hyperlink phone = new Hyperlink(s.phone());
            phone.setAccessibleText(texts.getString("partner.card.call") + " " + s.phone());
            phone.setTooltip(new javafx.scene.control.Tooltip(s.telLink()));
            phone.setMinHeight(44);
            phone.setOnAction(e -> {
                ExternalApps.Result r = apps.call(s.phone());
                if (r != ExternalApps.Result.OPENED) {
                    message.accept(s.telLink());
                }
            });
            box.getChildren().add(line(Material2MZ.PHONE, phone));
        }
        if (!s.email().isEmpty()) {
            box.getChildren().add(line(Material2AL.EMAIL, Ui.label(s.email())));
        }
        if (!s.hours().isEmpty()) {
            box.getChildren().add(line(Material2AL.ACCESS_TIME, Ui.label(s.hours())));
        }
        if (!s.documents().isEmpty()) {
            box.getChildren().add(Ui.label(texts.getString("partner.card.documents"), Styles.FIELD_LABEL));
            for (String d : s.documents()) {
                box.getChildren().add(Ui.label("• " + d, Styles.SMALL));
            }
        }
        if (!s.note().isEmpty()) {
            box.getChildren().add(Ui.label(s.note(), Styles.HINT));
        }
        return box;
    }

    private static HBox line(org.kordamp.ikonli.Ikon icon, Node content) {
        HBox line = new HBox(10, Icons.of(icon), content);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(content, Priority.ALWAYS);
        return line;
    }

    @Override
    public void onShow() {
        vm.refresh();
    }
}
