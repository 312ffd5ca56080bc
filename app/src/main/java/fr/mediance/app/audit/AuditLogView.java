package fr.mediance.app.audit;

import fr.mediance.app.core.audit.AuditLogViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * « Journal des accès » (admin): filters (person, account, action, period), then one card per access, newest first,
 * and « Accès plus anciens » for the next page. Read from the server each time; never kept on the device.
 */
public final class AuditLogView extends BasicScreen {
    private final AuditLogViewModel vm;
    private final ResourceBundle texts;
    private final VBox list = new VBox(10);

    public AuditLogView(AuditLogViewModel vm, ResourceBundle texts) {
        super(texts.getString("nav.audit"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        Label intro = Ui.label(texts.getString("audit.intro"), Styles.HINT);
        intro.setMaxWidth(Double.MAX_VALUE);

        TextField resident = new TextField();
        resident.setId("audit-resident");
        resident.textProperty().bindBidirectional(vm.residentProperty());
        TextField account = new TextField();
        account.setId("audit-account");
        account.textProperty().bindBidirectional(vm.accountProperty());
        ComboBox<String> action = new ComboBox<>();
        action.setId("audit-action");
        action.getItems().setAll(vm.actions());
        action.setCellFactory(l -> new ActionCell());
        action.setButtonCell(new ActionCell());
        action.valueProperty().bindBidirectional(vm.actionProperty());
        TextField from = new TextField();
        from.setId("audit-from");
        from.setPromptText("jj/mm/aaaa");
        from.textProperty().bindBidirectional(vm.fromProperty());
        TextField to = new TextField();
        to.setId("audit-to");
        to.setPromptText("jj/mm/aaaa");
        to.textProperty().bindBidirectional(vm.toProperty());

        Button search = Ui.button(texts.getString("audit.search"), Material2MZ.SEARCH, Styles.PRIMARY);
        search.setId("audit-search");
        search.setOnAction(e -> vm.search());
        search.disableProperty().bind(vm.loadingProperty());

        Label message = Ui.bound(vm.messageProperty(), Styles.MUTED);
        message.setId("audit-message");
        Ui.hideWhenBlank(message);

        Button more = Ui.button(texts.getString("audit.more"), Material2AL.EXPAND_MORE);
        more.setId("audit-more");
        more.setMaxWidth(Double.MAX_VALUE);
        more.setOnAction(e -> vm.more());
        Ui.showWhen(more, vm.hasMoreProperty());

        list.setId("audit-list");
        vm.rows().addListener((ListChangeListener<AuditLogViewModel.Row>) c -> render());
        render();

        VBox filters = Ui.card(
                Ui.row(
                        Ui.field(texts.getString("audit.filter.resident"), resident, null),
                        Ui.field(texts.getString("audit.filter.account"), account, null),
                        Ui.field(texts.getString("audit.filter.action"), action, null)),
                Ui.row(
                        Ui.field(texts.getString("audit.filter.from"), from, null),
                        Ui.field(texts.getString("audit.filter.to"), to, null)),
                search);
        return Ui.page(new VBox(14, intro, filters, message, list, more));
    }

    private void render() {
        list.getChildren().clear();
        int i = 0;
        for (AuditLogViewModel.Row r : vm.rows()) {
            Label head = Ui.label(r.when() + " · " + r.action(), Styles.CARD_TITLE);
            Label what = Ui.label(r.what() + (r.resident().isEmpty() ? "" : " — " + r.resident()));
            Label who = Ui.label(r.who(), Styles.MUTED, Styles.SMALL);
            VBox card = Ui.card(head, what, who);
            if (!r.summary().isEmpty()) {
                card.getChildren().add(Ui.label(r.summary(), Styles.MUTED, Styles.SMALL));
            }
            card.setId("audit-row-" + i++);
            list.getChildren().add(card);
        }
    }

    private final class ActionCell extends ListCell<String> {
        @Override
        protected void updateItem(String code, boolean empty) {
            super.updateItem(code, empty);
            setText(empty ? null : vm.actionLabel(code));
        }
    }
}
