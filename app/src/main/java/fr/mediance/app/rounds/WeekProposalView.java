package fr.mediance.app.rounds;

import fr.mediance.app.core.rounds.WeekProposalViewModel;
import fr.mediance.app.core.rounds.WeekProposalViewModel.CounsellorChoice;
import fr.mediance.app.core.rounds.WeekProposalViewModel.Round;
import fr.mediance.app.core.rounds.WeekProposalViewModel.State;
import fr.mediance.app.core.rounds.WeekProposalViewModel.Stop;
import fr.mediance.app.core.rounds.WeekProposalViewModel.Unplanned;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * « Proposer la semaine »: the choices (week, counsellors, search time), the computation with its cancel button, then
 * the proposal: totals, each counsellor's day with its stops in order (proposed visits to tick, appointments already
 * there shown as fixed), why each visit is where it is on demand, the requests left out and the problems in the data,
 * and « Accepter la sélection ».
 */
public final class WeekProposalView extends BasicScreen {
    private final WeekProposalViewModel vm;
    private final ResourceBundle texts;
    private final Runnable onInform;

    public WeekProposalView(WeekProposalViewModel vm, ResourceBundle texts, Runnable onInform) {
        super(texts.getString("proposal.title"));
        this.vm = vm;
        this.texts = texts;
        this.onInform = onInform;
    }

    @Override
    protected Node build() {
        Label error = Ui.bound(vm.errorProperty(), Styles.FORM_ERROR);
        error.setId("proposal-error");
        Ui.hideWhenBlank(error);
        Label result = Ui.bound(vm.resultProperty(), Styles.HINT);
        result.setId("proposal-result");
        Ui.hideWhenBlank(result);

        VBox choosing = choices();
        Ui.showWhen(choosing, vm.stateProperty().isEqualTo(State.CHOOSING));

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(36, 36);
        Label computingText = Ui.label(texts.getString("proposal.computing"));
        Button cancel = Ui.button(texts.getString("proposal.cancel"), Material2AL.CLOSE, Styles.SECONDARY);
        cancel.setId("proposal-cancel");
        cancel.setMinHeight(44);
        cancel.setOnAction(e -> vm.cancel());
        HBox computingRow = new HBox(12, spinner, computingText);
        computingRow.setAlignment(Pos.CENTER_LEFT);
        VBox computing = Ui.card(computingRow, cancel);
        computing.setId("proposal-computing");
        computing.setSpacing(12);
        Ui.showWhen(computing, vm.stateProperty().isEqualTo(State.COMPUTING));

        VBox shown = shown();
        Ui.showWhen(shown, vm.stateProperty().isEqualTo(State.SHOWN));

        VBox column = new VBox(12, error, choosing, computing, result, shown);
        column.setId("proposal-root");
        column.getStyleClass().add(Styles.PAGE_WIDE);
        return Ui.page(column);
    }

    private VBox choices() {
        ComboBox<LocalDate> week = new ComboBox<>(vm.weeks());
        week.setId("proposal-week");
        week.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : vm.weekLabel(d);
            }

            @Override
            public LocalDate fromString(String s) {
                return null;
            }
        });
        week.valueProperty().bindBidirectional(vm.weekProperty());

        FlowPane counsellors = new FlowPane(12, 8);
        counsellors.setId("proposal-counsellors");
        Runnable fill = () -> {
            counsellors.getChildren().clear();
            for (CounsellorChoice c : vm.counsellors()) {
                CheckBox box = new CheckBox(c.name());
                box.setId("proposal-counsellor-" + c.id());
                box.setMinHeight(44);
                box.selectedProperty().bindBidirectional(c.selected());
                counsellors.getChildren().add(box);
            }
        };
        vm.counsellors().addListener((ListChangeListener<CounsellorChoice>) c -> fill.run());
        fill.run();

        ComboBox<Integer> seconds = new ComboBox<>();
        seconds.setId("proposal-seconds");
        seconds.getItems().setAll(WeekProposalViewModel.SEARCH_SECONDS);
        seconds.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null ? "" : MessageFormat.format(texts.getString("proposal.seconds.value"), s);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        seconds.setValue(vm.secondsProperty().get());
        seconds.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.secondsProperty().set(b);
            }
        });

        Label offline = Ui.label(texts.getString("proposal.offline"), Styles.FORM_ERROR);
        offline.setId("proposal-offline");
        Ui.showWhen(offline, Bindings.not(vm.onlineProperty()));
        Button propose = Ui.button(texts.getString("proposal.propose"), Material2AL.AUTORENEW, Styles.PRIMARY);
        propose.setId("proposal-propose");
        propose.setMinHeight(44);
        propose.setOnAction(e -> vm.propose());

        VBox card = Ui.card(
                Ui.row(
                        Ui.field(texts.getString("proposal.weekLabel"), week, null),
                        Ui.field(texts.getString("proposal.seconds"), seconds, null)),
                Ui.label(texts.getString("proposal.counsellors"), Styles.FIELD_LABEL),
                counsellors,
                offline,
                propose);
        card.setSpacing(10);
        card.setId("proposal-choices");
        return card;
    }

    private VBox shown() {
        Label totals = Ui.bound(vm.totalsProperty(), Styles.CARD_TITLE);
        totals.setId("proposal-totals");
        Button all = Ui.button(texts.getString("proposal.selectAll"), Material2AL.CHECK_BOX, Styles.SECONDARY);
        all.setId("proposal-select-all");
        all.setOnAction(e -> vm.selectAll(true));
        Button none = Ui.button(
                texts.getString("proposal.selectNone"), Material2AL.CHECK_BOX_OUTLINE_BLANK, Styles.SECONDARY);
        none.setId("proposal-select-none");
        none.setOnAction(e -> vm.selectAll(false));
        Button accept = Ui.button(texts.getString("proposal.accept"), Material2AL.DONE_ALL, Styles.PRIMARY);
        accept.setId("proposal-accept");
        accept.disableProperty().bind(vm.acceptingProperty());
        accept.setOnAction(e -> vm.accept().thenRun(() -> {}));
        Button inform = Ui.button(texts.getString("queue.inform"), Material2AL.CALL, Styles.SECONDARY);
        inform.setId("proposal-inform");
        inform.setOnAction(e -> onInform.run());
        Button again = Ui.button(texts.getString("proposal.again"), Material2AL.AUTORENEW, Styles.SECONDARY);
        again.setId("proposal-again");
        again.setOnAction(e -> vm.again());
        for (Button b : new Button[] {all, none, accept, inform, again}) {
            b.setMinHeight(44);
        }
        FlowPane bar = new FlowPane(12, 8, accept, all, none, inform, again);

        // the days side by side on a wide screen, under each other on a tablet or a phone
        FlowPane rounds = new FlowPane(12, 12);
        rounds.setId("proposal-rounds");
        rounds.prefWrapLengthProperty().bind(rounds.widthProperty());
        VBox unplanned = new VBox(6);
        unplanned.setId("proposal-unplanned");
        VBox problems = new VBox(6);
        problems.setId("proposal-problems");
        VBox unplannedCard = Ui.card(Ui.label(texts.getString("proposal.unplanned"), Styles.CARD_TITLE), unplanned);
        VBox problemsCard = Ui.card(Ui.label(texts.getString("proposal.problems"), Styles.CARD_TITLE), problems);
        Runnable fill = () -> {
            rounds.getChildren().clear();
            for (Round r : vm.rounds()) {
                VBox card = round(r);
                card.prefWidthProperty()
                        .bind(Bindings.createDoubleBinding(
                                () -> rounds.getWidth() < 1100 ? rounds.getWidth() : (rounds.getWidth() - 12) / 2,
                                rounds.widthProperty()));
                rounds.getChildren().add(card);
            }
            unplanned.getChildren().clear();
            for (Unplanned u : vm.unplanned()) {
                String who = (u.name() + " · " + u.fileNumber()).replaceAll("^ · | · $", "");
                VBox item = new VBox(2, Ui.label(who, Styles.ITEM_TITLE), Ui.label(u.message(), Styles.MUTED));
                unplanned.getChildren().add(item);
            }
            problems.getChildren().clear();
            for (String p : vm.problems()) {
                Label l = Ui.label(p);
                l.setGraphic(Icons.of(Material2AL.ERROR_OUTLINE));
                problems.getChildren().add(l);
            }
            unplannedCard.setVisible(!vm.unplanned().isEmpty());
            unplannedCard.setManaged(!vm.unplanned().isEmpty());
            problemsCard.setVisible(!vm.problems().isEmpty());
            problemsCard.setManaged(!vm.problems().isEmpty());
        };
        // the proposal is set last, once its rounds, left-out requests and problems are all there
        vm.proposalProperty().addListener((o, a, b) -> fill.run());
        fill.run();

        VBox box = new VBox(12, Ui.card(totals, bar), rounds, unplannedCard, problemsCard);
        box.setId("proposal-shown");
        return box;
    }

    private VBox round(Round r) {
        Label title = Ui.label(r.title(), Styles.CARD_TITLE);
        HBox.setHgrow(title, Priority.ALWAYS);
        Label travel = Ui.label(r.travel(), Styles.MUTED);
        Button tick = Ui.button(texts.getString("proposal.selectRound"), Material2AL.CHECK_BOX, Styles.SECONDARY);
        tick.setMinHeight(44);
        tick.setOnAction(e -> r.select(true));
        HBox head = new HBox(12, title, travel, tick);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = Ui.card(head, Ui.label(r.departure(), Styles.MUTED));
        card.setSpacing(8);
        card.setId("proposal-round-" + r.dto().counsellorId() + "-" + r.dto().date());
        for (Stop s : r.stops()) {
            card.getChildren().add(stop(s));
        }
        card.getChildren().add(Ui.label(r.back(), Styles.MUTED));
        return card;
    }

    private Node stop(Stop s) {
        Label time = Ui.label(s.time(), Styles.ITEM_TIME);
        time.setWrapText(false);
        time.setMinWidth(Label.USE_PREF_SIZE);
        Label name = Ui.label(s.name().isEmpty() ? s.dto().fileNumber() : s.name(), Styles.ITEM_TITLE);
        Label details = Ui.label(s.details(), Styles.MUTED);
        VBox text = new VBox(2, name, details);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(12);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox item = new VBox(6, line);
        item.getStyleClass().add(Styles.LIST_ITEM);
        if (s.isVisit()) {
            CheckBox pick = new CheckBox();
            pick.setId("proposal-stop-" + s.dto().requestId());
            pick.setAccessibleText(s.name());
            pick.setMinSize(44, 44);
            pick.selectedProperty().bindBidirectional(s.selectedProperty());
            pick.disableProperty().bind(s.acceptedProperty());
            ToggleButton why = new ToggleButton(texts.getString("proposal.why"), Icons.of(Material2AL.HELP_OUTLINE));
            why.setId("proposal-why-" + s.dto().requestId());
            why.setMinHeight(44);
            why.setMinWidth(ToggleButton.USE_PREF_SIZE);
            why.selectedProperty().bindBidirectional(s.explainedProperty());
            Label accepted = Ui.label(texts.getString("proposal.acceptedMark"), Styles.STATUS, Styles.STATUS_DONE);
            Ui.showWhen(accepted, s.acceptedProperty());
            line.getChildren().addAll(pick, time, text, accepted, why);
            VBox explanations = new VBox(4);
            explanations.setId("proposal-explanations-" + s.dto().requestId());
            for (String x : s.explanations()) {
                Label l = Ui.label("• " + x, Styles.HINT);
                explanations.getChildren().add(l);
            }
            explanations.setPadding(new javafx.geometry.Insets(0, 0, 0, 56));
            Ui.showWhen(explanations, s.explainedProperty());
            item.getChildren().add(explanations);
        } else {
            Label fixed = new Label(null, Icons.of(s.locked() ? Material2AL.LOCK : Material2AL.EVENT));
            fixed.setMinSize(44, 44);
            fixed.setAlignment(Pos.CENTER);
            line.getChildren().addAll(fixed, time, text);
            if (s.locked()) {
                Label lockedLabel = Ui.label(texts.getString("proposal.locked"), Styles.STATUS, Styles.STATUS_PLANNED);
                lockedLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                line.getChildren().add(lockedLabel);
            }
            item.setOpacity(0.8);
        }
        return item;
    }
}
