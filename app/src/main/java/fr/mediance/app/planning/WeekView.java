package fr.mediance.app.planning;

import fr.mediance.app.core.Texts;
import fr.mediance.app.core.planning.WeekViewModel;
import fr.mediance.app.core.planning.WeekViewModel.Column;
import fr.mediance.app.core.planning.WeekViewModel.DayTab;
import fr.mediance.app.core.planning.WeekViewModel.Stop;
import fr.mediance.app.core.planning.WeekViewModel.TaskRow;
import fr.mediance.app.core.planning.WeekViewModel.Travel;
import fr.mediance.app.shell.AppShell;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.AppointmentPlanning;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * « Planification », the coordinator's week. On a desktop or a tablet in landscape: the day tabs (Lun … Sam with
 * their counts), then one column per counsellor on a time axis (8:00–19:00), each appointment a block placed by time
 * and length (coloured by status, a lock when locked, a warning when it overlaps, a mark while not sent), the travel
 * between blocks, the lunch break shaded; a block dragged to another column or time moves the appointment (snapped
 * to 15 minutes, after the shared checks), a block touched opens its change form, an empty slot touched opens the
 * planning form there. The team's open tasks at the side (below on narrower screens). On a phone: one counsellor's
 * day as a list (a picker chooses whom) with the same travel lines.
 */
public final class WeekView extends BasicScreen {
    /** Below this width of the view, one counsellor's day as a list. */
    static final double LIST_MAX_WIDTH = AppShell.PHONE_MAX_WIDTH;
    /** From this width of the view, the team's tasks at the side of the board. */
    static final double SIDE_TASKS_MIN_WIDTH = 980;

    static final double AXIS_WIDTH = 56;
    static final double MIN_COLUMN_WIDTH = 210;
    static final double SIDE_WIDTH = 320;
    /** The side panel on a tablet in landscape, to leave the columns their room. */
    static final double NARROW_SIDE_WIDTH = 260;
    /** From this width of the view, the wide side panel. */
    static final double WIDE_SIDE_MIN_WIDTH = 1400;

    static final double MIN_PX_PER_MINUTE = 1.1;
    static final double MAX_PX_PER_MINUTE = 2.0;
    private static final int AXIS_MINUTES = (int)
            Duration.between(WeekViewModel.DAY_START, WeekViewModel.DAY_END).toMinutes();
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final WeekViewModel vm;
    private final ResourceBundle texts;
    private Runnable onNew = () -> {};
    private Runnable onSettings;
    private final HBox actions = new HBox(6);

    private final VBox root = new VBox(10);
    private final VBox headerBox = new VBox(6);
    private HBox header;
    private Label heading;
    private HBox nav;
    private Button create;
    private final HBox tabs = new HBox();
    private final StackPane body = new StackPane();
    private final VBox tasksBox = new VBox(8);
    private final ScrollPane boardScroll = new ScrollPane();
    private final List<Pane> columnPanes = new ArrayList<>();
    private double pxPerMinute = 1.3;
    private String phoneCounsellor;
    private Mode mode;
    private double renderedWidth = -1;

    private enum Mode {
        LIST,
        BOARD,
        BOARD_SIDE
    }

    public WeekView(WeekViewModel vm, ResourceBundle texts) {
        super(texts.getString("week.title"));
        this.vm = vm;
        this.texts = texts;
    }

    /** « Réglages des tournées »: the office, the travel estimate and the counsellors' hours. */
    public WeekView withSettings(Runnable onSettings) {
        this.onSettings = onSettings;
        return this;
    }

    /** « Nouveau rendez-vous »: the planning form, with no slot chosen. */
    public WeekView withNew(Runnable onNew) {
        this.onNew = onNew;
        return this;
    }

    @Override
    protected Node build() {
        root.getStyleClass().add("week");
        root.setId("week");
        root.setFillWidth(true);

        // ----- header: the week, its navigation, a new appointment
        Button previous = Ui.iconButton(Material2AL.CHEVRON_LEFT, texts.getString("week.previous"));
        previous.setId("week-previous");
        previous.getStyleClass().add(Styles.SECONDARY);
        previous.setMinSize(44, 44);
        previous.setOnAction(e -> vm.previousWeek());
        Button next = Ui.iconButton(Material2AL.CHEVRON_RIGHT, texts.getString("week.next"));
        next.setId("week-next");
        next.getStyleClass().add(Styles.SECONDARY);
        next.setMinSize(44, 44);
        next.setOnAction(e -> vm.nextWeek());
        Button today = Ui.button(texts.getString("week.today"), null, Styles.SECONDARY);
        today.setId("week-today");
        today.setMinHeight(44);
        today.setOnAction(e -> vm.today());
        Button create = Ui.button(texts.getString("week.new"), Material2AL.ADD, Styles.PRIMARY);
        create.setId("week-new");
        create.setMinHeight(44);
        create.setOnAction(e -> onNew.run());
        Label heading = Ui.bound(vm.headingProperty(), Styles.SECTION_TITLE);
        heading.setId("week-heading");
        heading.setMinWidth(0);
        HBox.setHgrow(heading, Priority.ALWAYS);
        heading.setMaxWidth(Double.MAX_VALUE);
        HBox nav = new HBox(6, previous, today, next);
        nav.setAlignment(Pos.CENTER_LEFT);
        nav.setMinWidth(Region.USE_PREF_SIZE);
        create.setMinWidth(Region.USE_PREF_SIZE);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setMinWidth(Region.USE_PREF_SIZE);
        if (onSettings != null) {
            Button settings = Ui.iconButton(Material2MZ.SETTINGS, texts.getString("roundsSettings.open"));
            settings.setId("planning-rounds-settings");
            settings.getStyleClass().add(Styles.SECONDARY);
            settings.setMinSize(44, 44);
            settings.setTooltip(new javafx.scene.control.Tooltip(texts.getString("roundsSettings.open")));
            settings.setOnAction(e -> onSettings.run());
            actions.getChildren().add(settings);
        }
        actions.getChildren().add(create);
        HBox header = new HBox(10, nav, heading, actions);
        header.setAlignment(Pos.CENTER_LEFT);
        // on a phone: the week on its own line, the buttons under it
        this.header = header;
        this.heading = heading;
        this.nav = nav;
        this.create = create;

        // ----- day tabs
        tabs.getStyleClass().add(Styles.TABS);
        tabs.setId("week-days");
        ScrollPane tabScroll = new ScrollPane(tabs);
        tabScroll.setFitToHeight(true);
        tabScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        tabScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        tabScroll.getStyleClass().add("week-tabs-scroll");
        tabScroll.setMinHeight(Region.USE_PREF_SIZE);

        // ----- a refused move
        Label notice = new Label(null, Icons.of(Material2MZ.WARNING, 20));
        notice.setId("week-notice");
        notice.textProperty().bind(vm.noticeProperty());
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(notice, Priority.ALWAYS);
        Button dismiss = Ui.iconButton(Material2AL.CLOSE, texts.getString("week.dismiss"));
        dismiss.setMinSize(44, 44);
        dismiss.setOnAction(e -> vm.dismissNotice());
        HBox noticeBar = new HBox(8, notice, dismiss);
        noticeBar.setAlignment(Pos.CENTER_LEFT);
        noticeBar.getStyleClass().add("week-notice");
        Ui.showWhen(noticeBar, vm.noticeProperty().isNotEmpty());

        tasksBox.setId("week-tasks");
        tasksBox.getStyleClass().addAll(Styles.CARD, "week-tasks");

        boardScroll.getStyleClass().add("week-board-scroll");
        boardScroll.setFocusTraversable(false);
        boardScroll.viewportBoundsProperty().addListener((o, a, b) -> {
            double px = pxFor(b.getHeight());
            if (Math.abs(px - pxPerMinute) > 0.05 && mode != Mode.LIST) {
                pxPerMinute = px;
                renderLater();
            }
        });

        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(headerBox, tabScroll, noticeBar, body);
        arrangeHeader(false);
        root.widthProperty().addListener((o, a, w) -> {
            Mode m = modeFor(w.doubleValue());
            if (m != mode || (m != Mode.LIST && Math.abs(w.doubleValue() - renderedWidth) > 8)) {
                renderLater();
            }
        });
        vm.days().addListener((ListChangeListener<DayTab>) c -> renderTabs());
        vm.columns().addListener((ListChangeListener<Column>) c -> render());
        vm.teamTasks().addListener((ListChangeListener<TaskRow>) c -> renderTasks());
        renderTabs();
        renderTasks();
        render();
        return root;
    }

    private static Mode modeFor(double width) {
        if (width > 0 && width < LIST_MAX_WIDTH) {
            return Mode.LIST;
        }
        return width >= SIDE_TASKS_MIN_WIDTH ? Mode.BOARD_SIDE : Mode.BOARD;
    }

    private static double pxFor(double viewportHeight) {
        double fit = (viewportHeight - 8) / AXIS_MINUTES;
        return Math.max(MIN_PX_PER_MINUTE, Math.min(MAX_PX_PER_MINUTE, fit));
    }

    // ----- day tabs

    private void renderTabs() {
        tabs.getChildren().clear();
        int i = 0;
        for (DayTab d : vm.days()) {
            ToggleButton tab = new ToggleButton(Texts.format(texts, "week.tab.count", d.label(), d.count()));
            tab.getStyleClass().add(Styles.TAB);
            if (d.today()) {
                tab.getStyleClass().add("week-tab-today");
            }
            tab.setId("week-day-" + i++);
            tab.setMnemonicParsing(false);
            tab.setMinHeight(44);
            tab.setMinWidth(Region.USE_PREF_SIZE);
            tab.setSelected(d.date().equals(vm.dayProperty().get()));
            tab.setOnAction(e -> {
                tab.setSelected(true);
                vm.selectDay(d.date());
            });
            tabs.getChildren().add(tab);
        }
    }

    // ----- layout

    /** Renders after the layout pass that noticed a new size (nodes added during a pass wait for the next one). */
    private void renderLater() {
        if (!renderQueued) {
            renderQueued = true;
            javafx.application.Platform.runLater(() -> {
                renderQueued = false;
                render();
            });
        }
    }

    private boolean renderQueued;

    private void arrangeHeader(boolean phone) {
        if (phone) {
            create.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            create.setAccessibleText(texts.getString("week.new"));
            header.getChildren().setAll(nav, Ui.spacer(), actions);
            headerBox.getChildren().setAll(heading, header);
        } else {
            create.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
            header.getChildren().setAll(nav, heading, actions);
            headerBox.getChildren().setAll(header);
        }
    }

    private void render() {
        double width = root.getWidth();
        mode = modeFor(width);
        arrangeHeader(mode == Mode.LIST);
        renderedWidth = width;
        body.getChildren().clear();
        if (mode == Mode.LIST) {
            ScrollPane page = Ui.page(new VBox(12, list(), tasksBox));
            page.setId("week-list-page");
            body.getChildren().add(page);
            return;
        }
        renderBoard();
    }

    private void renderBoard() {
        body.getChildren().clear();
        columnPanes.clear();
        List<Column> cols = vm.columns();
        // the view's padding, the side panel, the board's borders and its vertical scroll bar
        double available = root.getWidth()
                - root.getPadding().getLeft()
                - root.getPadding().getRight()
                - (mode == Mode.BOARD_SIDE ? sideWidth() + 12 : 0)
                - 20;
        double columnWidth = cols.isEmpty()
                ? MIN_COLUMN_WIDTH
                : Math.max(MIN_COLUMN_WIDTH, Math.floor((available - AXIS_WIDTH) / cols.size()));

        HBox heads = new HBox();
        Region corner = new Region();
        corner.setMinWidth(AXIS_WIDTH);
        corner.setPrefWidth(AXIS_WIDTH);
        heads.getChildren().add(corner);
        HBox grid = new HBox();
        grid.getChildren().add(axis());
        for (Column c : cols) {
            heads.getChildren().add(columnHead(c, columnWidth));
            grid.getChildren().add(column(c, columnWidth));
        }
        grid.getStyleClass().add("week-grid");
        boardScroll.setContent(grid);
        boardScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        boardScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        // the heads follow the board's horizontal scroll
        ScrollPane headScroll = new ScrollPane(heads);
        headScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        headScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        headScroll.setMinHeight(Region.USE_PREF_SIZE);
        headScroll.getStyleClass().add("week-heads-scroll");
        headScroll.hvalueProperty().bind(boardScroll.hvalueProperty());
        headScroll.setFocusTraversable(false);

        VBox board = new VBox(0, headScroll, boardScroll);
        VBox.setVgrow(boardScroll, Priority.ALWAYS);
        board.getStyleClass().add("week-board");
        board.setId("week-board");
        if (cols.isEmpty()) {
            board.getChildren()
                    .setAll(Ui.emptyState(Material2MZ.PEOPLE, texts.getString("week.counsellors.empty"), null));
        }
        if (mode == Mode.BOARD_SIDE) {
            ScrollPane side = new ScrollPane(tasksBox);
            side.setFitToWidth(true);
            side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            side.setMinWidth(sideWidth());
            side.setPrefWidth(sideWidth());
            side.setMaxWidth(sideWidth());
            side.getStyleClass().add("week-side");
            HBox.setHgrow(board, Priority.ALWAYS);
            HBox row = new HBox(12, board, side);
            body.getChildren().add(row);
        } else {
            VBox stack = new VBox(12, board, tasksBox);
            VBox.setVgrow(board, Priority.ALWAYS);
            board.setMinHeight(360);
            ScrollPane tasksScroll = new ScrollPane(tasksBox);
            tasksScroll.setFitToWidth(true);
            tasksScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            tasksScroll.setPrefHeight(200);
            tasksScroll.setMinHeight(120);
            tasksScroll.getStyleClass().add("week-side");
            stack.getChildren().setAll(board, tasksScroll);
            body.getChildren().add(stack);
        }
    }

    private double sideWidth() {
        return root.getWidth() >= WIDE_SIDE_MIN_WIDTH ? SIDE_WIDTH : NARROW_SIDE_WIDTH;
    }

    private Node columnHead(Column c, double width) {
        Label name = Ui.label(c.counsellorName(), Styles.ITEM_TITLE);
        name.setWrapText(false);
        name.setTextOverrun(OverrunStyle.ELLIPSIS);
        Label totals = Ui.label(c.totals(), Styles.MUTED, Styles.SMALL);
        totals.setId("week-totals-" + c.counsellorId());
        VBox head = new VBox(2, name, totals);
        head.getStyleClass().add("week-column-head");
        head.setMinWidth(width);
        head.setPrefWidth(width);
        head.setMaxWidth(width);
        return head;
    }

    private double y(LocalTime t) {
        return Duration.between(WeekViewModel.DAY_START, t).toMinutes() * pxPerMinute;
    }

    private Node axis() {
        Pane axis = new Pane();
        axis.getStyleClass().add("week-axis");
        double height = AXIS_MINUTES * pxPerMinute;
        axis.setMinSize(AXIS_WIDTH, height);
        axis.setPrefSize(AXIS_WIDTH, height);
        axis.setMaxSize(AXIS_WIDTH, height);
        for (LocalTime t = WeekViewModel.DAY_START; t.isBefore(WeekViewModel.DAY_END); t = t.plusHours(1)) {
            Label hour = new Label(HH_MM.format(t));
            hour.getStyleClass().addAll(Styles.MUTED, Styles.SMALL, "week-hour");
            hour.relocate(6, y(t) + 2);
            axis.getChildren().add(hour);
        }
        return axis;
    }

    private Pane column(Column c, double width) {
        Pane pane = new Pane();
        pane.setId("week-column-" + c.counsellorId());
        pane.getStyleClass().add("week-column");
        pane.setUserData(c.counsellorId());
        double height = AXIS_MINUTES * pxPerMinute;
        pane.setMinSize(width, height);
        pane.setPrefSize(width, height);
        pane.setMaxSize(width, height);
        // hour lines
        for (LocalTime t = WeekViewModel.DAY_START; t.isBefore(WeekViewModel.DAY_END); t = t.plusMinutes(30)) {
            Region line = new Region();
            line.getStyleClass().add(t.getMinute() == 0 ? "week-hour-line" : "week-half-line");
            line.setMouseTransparent(true);
            line.resizeRelocate(0, y(t), width, 1);
            line.setManaged(false);
            pane.getChildren().add(line);
        }
        // the lunch break
        Region lunch = new Region();
        lunch.getStyleClass().add("week-lunch");
        lunch.setManaged(false);
        lunch.setMouseTransparent(true);
        lunch.resizeRelocate(0, y(vm.lunchFrom()), width, y(vm.lunchTo()) - y(vm.lunchFrom()));
        Label lunchText = new Label(vm.lunchProperty().get(), Icons.of(Material2MZ.RESTAURANT, 14));
        lunchText.getStyleClass().addAll(Styles.SMALL, "week-lunch-label");
        lunchText.setMouseTransparent(true);
        lunchText.relocate(6, y(vm.lunchFrom()) + 2);
        pane.getChildren().addAll(lunch, lunchText);

        // a touch on an empty slot: a new appointment there
        pane.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getTarget() == pane && e.isStillSincePress()) {
                // the quarter of an hour touched
                vm.create(
                        c.counsellorId(),
                        WeekViewModel.snap(e.getY() / pxPerMinute - WeekViewModel.SNAP_MINUTES / 2.0));
            }
        });
        pane.setAccessibleText(c.counsellorName() + " · " + c.totals());

        // overlapping appointments side by side, each in its lane
        List<Stop> stops = c.stops();
        int[] lane = new int[stops.size()];
        int[] lanes = new int[stops.size()];
        int clusterStart = 0;
        LocalTime clusterEnd = null;
        List<LocalTime> laneEnds = new ArrayList<>();
        for (int k = 0; k <= stops.size(); k++) {
            boolean closes = k == stops.size()
                    || (clusterEnd != null && !stops.get(k).start().isBefore(clusterEnd));
            if (closes) {
                for (int j = clusterStart; j < k; j++) {
                    lanes[j] = Math.max(1, laneEnds.size());
                }
                if (k == stops.size()) {
                    break;
                }
                clusterStart = k;
                laneEnds.clear();
                clusterEnd = null;
            }
            Stop s = stops.get(k);
            int free = 0;
            while (free < laneEnds.size() && laneEnds.get(free).isAfter(s.start())) {
                free++;
            }
            if (free == laneEnds.size()) {
                laneEnds.add(s.end());
            } else {
                laneEnds.set(free, s.end());
            }
            lane[k] = free;
            clusterEnd = clusterEnd == null || s.end().isAfter(clusterEnd) ? s.end() : clusterEnd;
        }
        for (int k = 0; k < stops.size(); k++) {
            pane.getChildren().add(block(stops.get(k), width, pane, lane[k], lanes[k]));
        }
        int i = 0;
        for (Travel t : c.travel()) {
            pane.getChildren().add(travel(t, width, c.counsellorId() + "-" + i++));
        }
        columnPanes.add(pane);
        return pane;
    }

    /** A travel label between two blocks, in the gap when it is tall enough, else on the boundary at the right. */
    private Node travel(Travel t, double width, String id) {
        String text = t.fromOffice()
                ? Texts.format(texts, "week.travel.office", t.label())
                : t.toOffice() ? Texts.format(texts, "week.travel.back", t.label()) : t.label();
        Label l = new Label(text, Icons.of(t.tight() ? Material2MZ.WARNING : Material2AL.DIRECTIONS_CAR, 14));
        if (t.tight()) {
            l.setAccessibleText(Texts.format(texts, "week.travel.tight", text));
            l.setTooltip(new javafx.scene.control.Tooltip(l.getAccessibleText()));
        }
        l.setId("week-travel-" + id);
        l.getStyleClass().addAll(Styles.SMALL, "week-travel");
        if (!t.known()) {
            l.getStyleClass().add("week-travel-unknown");
        }
        if (t.tight()) {
            l.getStyleClass().add("week-travel-tight");
        }
        l.setMouseTransparent(true);
        l.setMaxWidth(width - 12);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setTextOverrun(OverrunStyle.ELLIPSIS);
        double bottom = AXIS_MINUTES * pxPerMinute;
        // the positions of this render (a later size change renders again)
        double yAfter = t.after() == null ? 0 : y(t.after());
        double yBefore = t.before() == null ? 0 : y(t.before());
        // right-aligned; in the gap when it is tall enough, else over the end of the previous block
        l.layoutXProperty()
                .bind(javafx.beans.binding.Bindings.createDoubleBinding(
                        () -> Math.max(0, width - l.getWidth() - 8), l.widthProperty()));
        l.layoutYProperty()
                .bind(javafx.beans.binding.Bindings.createDoubleBinding(
                        () -> {
                            double h = l.getHeight();
                            double top;
                            if (t.fromOffice()) {
                                top = yBefore - h - 2;
                            } else if (t.toOffice()) {
                                top = yAfter + 3;
                            } else {
                                double gap = yBefore - yAfter;
                                top = gap >= h + 4 ? yAfter + (gap - h) / 2 : yBefore - h - 2;
                            }
                            return Math.max(0, Math.min(bottom - h, top));
                        },
                        l.heightProperty()));
        return l;
    }

    private Node block(Stop s, double width, Pane column, int lane, int lanes) {
        boolean narrow = (width - 10) / lanes < 150;
        Label time = new Label(HH_MM.format(s.start()) + (narrow ? "" : "–" + HH_MM.format(s.end())));
        time.getStyleClass().addAll("week-block-time");
        HBox marks = new HBox(4);
        marks.setAlignment(Pos.CENTER_RIGHT);
        if (s.locked()) {
            Label lock = new Label(null, Icons.of(Material2AL.LOCK, 16));
            lock.setId("week-lock-" + s.appointmentId());
            lock.setAccessibleText(texts.getString("week.locked"));
            lock.getStyleClass().add("week-mark-lock");
            marks.getChildren().add(lock);
        }
        if (s.conflict()) {
            Label warn = new Label(null, Icons.of(Material2MZ.WARNING, 16));
            warn.setId("week-conflict-" + s.appointmentId());
            warn.setAccessibleText(texts.getString("week.conflict"));
            warn.getStyleClass().add("week-mark-conflict");
            marks.getChildren().add(warn);
        }
        if (s.pendingSync()) {
            Label pending = new Label(null, Icons.of(Material2AL.CLOUD_UPLOAD, 16));
            pending.setAccessibleText(texts.getString("week.pending"));
            pending.getStyleClass().add("week-mark-pending");
            marks.getChildren().add(pending);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(4, time, gap, marks);
        top.setAlignment(Pos.CENTER_LEFT);
        Label name = new Label(s.residentName());
        name.getStyleClass().add("week-block-name");
        Label where = new Label(join(s.fileNumber(), s.neighbourhood()));
        where.getStyleClass().addAll("week-block-where");
        Label status = new Label(s.statusLabel());
        status.getStyleClass().addAll(Styles.STATUS, statusStyle(s.status()));
        for (Label l : List.of(time, name, where)) {
            l.setTextOverrun(OverrunStyle.ELLIPSIS);
            l.setMinWidth(0);
        }
        double height = Math.max(22, s.minutes() * pxPerMinute - 3);
        VBox box = new VBox(1, top, name);
        if (height >= 62) {
            box.getChildren().add(where);
        }
        if (height >= 86) {
            box.getChildren().add(status);
        }
        box.setId("week-block-" + s.appointmentId());
        box.getStyleClass().addAll("week-block", "week-block-" + s.status());
        if (s.conflict()) {
            box.getStyleClass().add("week-block-conflict");
        }
        if (s.locked()) {
            box.getStyleClass().add("week-block-locked");
        }
        box.setManaged(false);
        double laneWidth = (width - 10) / lanes;
        double x = 4 + lane * laneWidth;
        box.resizeRelocate(x, y(s.start()) + 1, laneWidth - 3, height);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle(laneWidth - 3, height);
        box.setClip(clip);
        box.setFocusTraversable(true);
        box.setAccessibleRole(AccessibleRole.BUTTON);
        box.setAccessibleText(Texts.format(
                texts,
                "week.block.accessible",
                s.residentName(),
                HH_MM.format(s.start()),
                HH_MM.format(s.end()),
                s.statusLabel()));
        box.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                vm.edit(s.appointmentId());
                e.consume();
            }
        });
        dragToMove(box, s, column);
        return box;
    }

    /**
     * Press, drag and release: a move to the column and time under the block's top (snapped to 15 minutes); a
     * press released where it started: the change form.
     */
    private void dragToMove(VBox box, Stop s, Pane column) {
        double[] press = new double[4]; // scene x, scene y, y within the block, dragging (1)
        box.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            press[0] = e.getSceneX();
            press[1] = e.getSceneY();
            press[2] = e.getY();
            press[3] = 0;
            e.consume();
        });
        box.setOnMouseDragged(e -> {
            double dx = e.getSceneX() - press[0];
            double dy = e.getSceneY() - press[1];
            if (press[3] == 0 && Math.hypot(dx, dy) < 6) {
                return;
            }
            if (press[3] == 0) {
                press[3] = 1;
                column.setViewOrder(-1);
                box.toFront();
                box.getStyleClass().add("week-block-dragging");
            }
            box.setTranslateX(dx);
            box.setTranslateY(dy);
            e.consume();
        });
        box.setOnMouseReleased(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            boolean dragged = press[3] == 1;
            press[3] = 0;
            box.setTranslateX(0);
            box.setTranslateY(0);
            column.setViewOrder(0);
            box.getStyleClass().remove("week-block-dragging");
            e.consume();
            if (!dragged) {
                vm.edit(s.appointmentId());
                return;
            }
            Point2D at = new Point2D(e.getSceneX(), e.getSceneY());
            for (Pane target : columnPanes) {
                Bounds b = target.localToScene(target.getLayoutBounds());
                if (at.getX() >= b.getMinX() && at.getX() < b.getMaxX()) {
                    double topY = target.sceneToLocal(at).getY() - press[2];
                    LocalTime start = WeekViewModel.snap(topY / pxPerMinute);
                    String counsellor = (String) target.getUserData();
                    if (!counsellor.equals(s.counsellorId()) || !start.equals(s.start())) {
                        vm.move(s.appointmentId(), counsellor, start);
                    }
                    return;
                }
            }
        });
    }

    private static String statusStyle(String status) {
        if (AppointmentPlanning.DONE.equals(status)) {
            return Styles.STATUS_DONE;
        }
        if (AppointmentPlanning.PROPOSED.equals(status)) {
            return Styles.STATUS_WAITING;
        }
        if (!AppointmentPlanning.active(status)) {
            return Styles.STATUS_CANCELLED;
        }
        return Styles.STATUS_PLANNED;
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + " · " + b;
    }

    // ----- phone: one counsellor's day as a list

    private Node list() {
        List<Column> cols = vm.columns();
        VBox box = new VBox(8);
        box.setId("week-list");
        if (cols.isEmpty()) {
            box.getChildren().add(Ui.emptyState(Material2MZ.PEOPLE, texts.getString("week.counsellors.empty"), null));
            return box;
        }
        Column shown = cols.stream()
                .filter(c -> c.counsellorId().equals(phoneCounsellor))
                .findFirst()
                .orElse(cols.get(0));
        phoneCounsellor = shown.counsellorId();
        ComboBox<Column> picker = new ComboBox<>();
        picker.setId("week-counsellor");
        picker.getItems().setAll(cols);
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setMinHeight(44);
        picker.setCellFactory(l -> fr.mediance.app.shell.CodeChoices.cell(Column::counsellorName));
        picker.setButtonCell(fr.mediance.app.shell.CodeChoices.cell(Column::counsellorName));
        picker.setValue(shown);
        picker.valueProperty().addListener((o, a, c) -> {
            if (c != null && !c.counsellorId().equals(phoneCounsellor)) {
                phoneCounsellor = c.counsellorId();
                render();
            }
        });
        Label totals = Ui.label(shown.totals(), Styles.MUTED, Styles.SMALL);
        totals.setId("week-totals-" + shown.counsellorId());
        box.getChildren().addAll(Ui.field(texts.getString("week.counsellor.pick"), picker, null), totals);

        List<Travel> legs = shown.travel();
        int leg = 0;
        boolean lunchShown = false;
        for (int i = 0; i < shown.stops().size(); i++) {
            Stop s = shown.stops().get(i);
            if (leg < legs.size()
                    && !legs.get(leg).toOffice()
                    && (i > 0 || legs.get(leg).fromOffice())) {
                box.getChildren().add(travelLine(legs.get(leg), shown.counsellorId() + "-" + leg));
                leg++;
            }
            if (!lunchShown && !s.start().isBefore(vm.lunchTo())) {
                box.getChildren().add(lunchLine());
                lunchShown = true;
            }
            box.getChildren().add(row(s));
        }
        if (leg < legs.size()) {
            box.getChildren().add(travelLine(legs.get(leg), shown.counsellorId() + "-" + leg));
        }
        if (shown.stops().isEmpty()) {
            box.getChildren().add(Ui.label(texts.getString("week.totals.none"), Styles.MUTED));
        }
        if (!shown.cancelled().isEmpty()) {
            box.getChildren().add(Ui.label(texts.getString("week.cancelled.title"), Styles.SECTION_TITLE));
            for (Stop s : shown.cancelled()) {
                Node r = row(s);
                r.getStyleClass().add("week-row-cancelled");
                box.getChildren().add(r);
            }
        }
        return box;
    }

    private Node lunchLine() {
        Label l = new Label(vm.lunchProperty().get(), Icons.of(Material2MZ.RESTAURANT, 16));
        l.getStyleClass().addAll(Styles.MUTED, Styles.SMALL, "week-lunch-line");
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private Node travelLine(Travel t, String id) {
        Label l = (Label) travel(t, 10_000, id);
        l.layoutXProperty().unbind();
        l.layoutYProperty().unbind();
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().add("week-travel-line");
        return l;
    }

    private Node row(Stop s) {
        Label when = Ui.label(HH_MM.format(s.start()) + " – " + HH_MM.format(s.end()), Styles.ITEM_TIME);
        Label name = Ui.label(s.residentName(), Styles.ITEM_TITLE);
        Label where = Ui.label(join(s.fileNumber(), s.address()), Styles.MUTED, Styles.SMALL);
        Label status =
                new Label(s.statusReason().isBlank() ? s.statusLabel() : s.statusLabel() + " · " + s.statusReason());
        status.getStyleClass().addAll(Styles.STATUS, statusStyle(s.status()));
        HBox chips = new HBox(6, status);
        chips.setAlignment(Pos.CENTER_LEFT);
        if (s.locked()) {
            Label lock = new Label(texts.getString("week.locked"), Icons.of(Material2AL.LOCK, 14));
            lock.getStyleClass().addAll(Styles.STATUS, Styles.STATUS_WAITING);
            chips.getChildren().add(lock);
        }
        if (s.conflict()) {
            Label warn = new Label(texts.getString("week.conflict"), Icons.of(Material2MZ.WARNING, 14));
            warn.getStyleClass().addAll(Styles.STATUS, Styles.STATUS_CANCELLED);
            chips.getChildren().add(warn);
        }
        if (s.pendingSync()) {
            Label pending = new Label(texts.getString("week.pending"), Icons.of(Material2AL.CLOUD_UPLOAD, 14));
            pending.getStyleClass().addAll(Styles.STATUS);
            chips.getChildren().add(pending);
        }
        VBox item = new VBox(4, when, name, where, chips);
        item.setId("week-row-" + s.appointmentId());
        item.getStyleClass().addAll(Styles.LIST_ITEM, "week-row", "week-row-" + s.status());
        item.setFocusTraversable(true);
        item.setAccessibleRole(AccessibleRole.BUTTON);
        item.setMinHeight(44);
        item.setOnMouseClicked(e -> vm.edit(s.appointmentId()));
        item.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                vm.edit(s.appointmentId());
            }
        });
        return item;
    }

    // ----- the team's tasks

    private void renderTasks() {
        tasksBox.getChildren().clear();
        tasksBox.getChildren().add(Ui.label(texts.getString("week.tasks.title"), Styles.SECTION_TITLE));
        if (vm.teamTasks().isEmpty()) {
            tasksBox.getChildren().add(Ui.label(texts.getString("week.tasks.empty"), Styles.MUTED));
            return;
        }
        for (TaskRow t : vm.teamTasks()) {
            Label title = Ui.label(t.title(), Styles.ITEM_TITLE);
            Label who = Ui.label(join(t.residentName(), t.assigneeName()), Styles.MUTED, Styles.SMALL);
            Label due = new Label(t.overdue() ? texts.getString("week.task.overdue") + " · " + t.due() : t.due());
            due.getStyleClass().addAll(Styles.STATUS, t.overdue() ? Styles.STATUS_CANCELLED : Styles.STATUS_PLANNED);
            due.setWrapText(true);
            due.setMinHeight(Region.USE_PREF_SIZE);
            VBox row = new VBox(3, title, who, due);
            row.setId("week-task-" + t.taskId());
            row.getStyleClass().addAll(Styles.LIST_ITEM, "week-task");
            tasksBox.getChildren().add(row);
        }
    }

    @Override
    public void onShow() {
        vm.refresh();
    }
}
