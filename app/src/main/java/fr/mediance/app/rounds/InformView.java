package fr.mediance.app.rounds;

import fr.mediance.app.core.rounds.InformViewModel;
import fr.mediance.app.core.rounds.InformViewModel.Phone;
import fr.mediance.app.core.rounds.InformViewModel.Row;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * « Personnes à prévenir »: each person whose appointment is proposed and not yet confirmed, with the day, the time,
 * the counsellor and the numbers to call (a tap calls on a phone), then « Prévenu·e, confirmé » or « Ne peut pas ».
 */
public final class InformView extends BasicScreen {
    private final InformViewModel vm;
    private final ResourceBundle texts;

    public InformView(InformViewModel vm, ResourceBundle texts) {
        super(texts.getString("inform.title"));
        this.vm = vm;
        this.texts = texts;
    }

    @Override
    protected Node build() {
        Label summary = Ui.bound(vm.summaryProperty(), Styles.HINT);
        summary.setId("inform-summary");
        Label error = Ui.bound(vm.errorProperty(), Styles.FORM_ERROR);
        error.setId("inform-error");
        Ui.hideWhenBlank(error);
        VBox list = new VBox(12);
        list.setId("inform-list");
        Runnable fill = () -> {
            list.getChildren().clear();
            if (vm.rows().isEmpty()) {
                list.getChildren().add(Ui.label(texts.getString("inform.empty"), Styles.HINT));
            }
            for (Row r : vm.rows()) {
                list.getChildren().add(row(r));
            }
        };
        vm.rows().addListener((ListChangeListener<Row>) c -> fill.run());
        fill.run();
        VBox column = new VBox(12, summary, error, list);
        column.setId("inform-root");
        return Ui.page(column);
    }

    private Node row(Row r) {
        Label name = Ui.label(r.name() + (r.fileNumber().isEmpty() ? "" : " · " + r.fileNumber()), Styles.ITEM_TITLE);
        Label when = Ui.label(r.when(), Styles.ITEM_TIME);
        Label with = Ui.label(MessageFormat.format(texts.getString("inform.with"), r.counsellor()), Styles.MUTED);
        VBox card = Ui.card(name, when, with);
        card.setSpacing(6);
        card.setId("inform-row-" + r.appointmentId());
        if (r.phones().isEmpty()) {
            card.getChildren().add(Ui.label(texts.getString("inform.noPhone"), Styles.FORM_ERROR));
        }
        for (Phone p : r.phones()) {
            String text = p.number() + " — " + p.who();
            if (vm.canCall()) {
                Button call = Ui.button(text, Material2AL.CALL, Styles.SECONDARY);
                call.setMinHeight(44);
                call.setOnAction(e -> vm.call(p));
                card.getChildren().add(call);
            } else {
                Label l = Ui.label(text);
                l.setGraphic(fr.mediance.app.shell.Icons.of(Material2AL.CALL));
                l.setMinHeight(32);
                card.getChildren().add(l);
            }
        }
        Button confirm = Ui.button(texts.getString("inform.confirm"), Material2AL.CHECK, Styles.PRIMARY);
        confirm.setId("inform-confirm-" + r.appointmentId());
        confirm.setMinHeight(44);
        confirm.setOnAction(e -> vm.confirmed(r));
        Button cannot = Ui.button(texts.getString("inform.cannot"), Material2MZ.PHONE_DISABLED, Styles.DANGER);
        cannot.setId("inform-cannot-" + r.appointmentId());
        cannot.setMinHeight(44);
        cannot.setOnAction(e -> vm.cannot(r));
        card.getChildren().add(new FlowPane(12, 8, confirm, cannot));
        return card;
    }
}
