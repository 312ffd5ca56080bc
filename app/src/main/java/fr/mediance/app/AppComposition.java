package fr.mediance.app;

import fr.mediance.app.agenda.AgendaView;
import fr.mediance.app.agenda.AppointmentView;
import fr.mediance.app.casework.CaseworkScreens;
import fr.mediance.app.checkin.CheckInBar;
import fr.mediance.app.conflict.ConflictsView;
import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.agenda.AgendaViewModel;
import fr.mediance.app.core.agenda.AppointmentViewModel;
import fr.mediance.app.core.checkin.CheckInViewModel;
import fr.mediance.app.core.conflict.ConflictsViewModel;
import fr.mediance.app.core.office.OfficeReportViewModel;
import fr.mediance.app.core.office.OfficeReportsViewModel;
import fr.mediance.app.core.planning.PlanningViewModel;
import fr.mediance.app.core.platform.DocumentCapture;
import fr.mediance.app.core.platform.ExternalApps;
import fr.mediance.app.core.platform.Location;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.session.AppViewModel;
import fr.mediance.app.core.session.AppViewModel.Page;
import fr.mediance.app.core.session.AppViewModel.Place;
import fr.mediance.app.core.session.LoginViewModel;
import fr.mediance.app.core.session.PinViewModel;
import fr.mediance.app.core.sync.SyncStatusViewModel;
import fr.mediance.app.document.DocumentScreens;
import fr.mediance.app.login.LoginView;
import fr.mediance.app.login.PinView;
import fr.mediance.app.office.OfficeReportView;
import fr.mediance.app.office.OfficeReportsView;
import fr.mediance.app.partner.PartnerScreens;
import fr.mediance.app.planning.PlanningView;
import fr.mediance.app.reference.ReferenceScreens;
import fr.mediance.app.resident.ResidentScreens;
import fr.mediance.app.shell.AppShell;
import fr.mediance.app.shell.Destination;
import fr.mediance.app.shell.Screen;
import fr.mediance.app.sync.SyncIndicator;
import fr.mediance.app.sync.SyncView;
import fr.mediance.app.task.TaskScreens;
import fr.mediance.app.theme.Theme;
import fr.mediance.app.visit.VisitScreens;
import fr.mediance.app.visit.VisitView;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Builds the screens and their view models for one core, with {@code new}: the shell follows the session
 * (sign-in, PIN, home) and, at home, shows the places of the user's role. Used by {@link MedianceApp} and by
 * the UI tests.
 */
public final class AppComposition {

    private final CoreContext core;
    private final DocumentCapture capture;
    private final ExternalApps apps;
    private final Location location;
    private final ResourceBundle texts;
    private final Executor background;
    private final Executor fx;
    private final String defaultServer;
    private final Clock clock;
    private final ZoneId zone;
    private final AppShell shell;
    private final AppViewModel app;
    private final SyncStatusViewModel syncStatus;
    private final List<Runnable> disposers = new ArrayList<>();
    /** The signed-in user's conflicts (for the navigation's badge and the screen), while at home. */
    private ConflictsViewModel conflicts;
    /** The home screen built while the PIN is being checked (see {@link #prepareHome()}), until home shows it. */
    private Screen preparedHome;

    private Runnable preparedHomeDisposer;
    private AgendaViewModel preparedAgenda;
    /** The view model of the last agenda made for a destination (to know when home has its day). */
    private AgendaViewModel lastAgenda;
    /** The work that follows an unlock, held until home has drawn its first frame (null: not held). */
    private AfterHomeFrame afterHome;

    public AppComposition(
            CoreContext core,
            DocumentCapture capture,
            ResourceBundle texts,
            Executor background,
            Executor fx,
            String defaultServer) {
        this(core, capture, ExternalApps.NONE, Location.NONE, texts, background, fx, defaultServer);
    }

    /**
     * @param apps     the dialer and the maps app ({@link ExternalApps#NONE} hides "Appeler" and "Itinéraire")
     * @param location the position service ({@link Location#NONE} on a desktop hides the check-in)
     */
    public AppComposition(
            CoreContext core,
            DocumentCapture capture,
            ExternalApps apps,
            Location location,
            ResourceBundle texts,
            Executor background,
            Executor fx,
            String defaultServer) {
        this.core = core;
        this.capture = capture;
        this.apps = apps;
        this.location = location;
        this.texts = texts;
        this.background = background;
        this.fx = fx;
        this.defaultServer = defaultServer;
        this.clock = core.clock();
        this.zone = core.zone();
        this.shell = new AppShell(texts.getString("app.back"), texts.getString("nav.more"));
        this.app = new AppViewModel(core.session(), texts, background, fx);
        this.syncStatus = new SyncStatusViewModel(core.sync(), core.reference(), clock, zone, texts, background, fx);
        syncStatus.setOnMessage(shell::showMessage);
        app.pageProperty().addListener((o, old, page) -> show(page));
        show(app.pageProperty().get());
    }

    public AppShell shell() {
        return shell;
    }

    /**
     * From now on the work that follows an unlock ({@code gate}, given to the core as its {@code afterUnlock}) is
     * let go once home has drawn its first frame with its content (the agenda with its day), and held again when home
     * is left.
     */
    void holdUnlockWorkUntilHomeIsDrawn(AfterHomeFrame gate) {
        afterHome = gate;
        if (app.pageProperty().get() == Page.HOME) {
            openAfterHomeIsDrawn();
        }
    }

    public AppViewModel app() {
        return app;
    }

    private void show(Page page) {
        disposers.forEach(Runnable::run);
        disposers.clear();
        if (page != Page.HOME && page != Page.UNLOCK) {
            dropPreparedHome();
        }
        if (page != Page.HOME && afterHome != null) {
            afterHome.close();
        }
        switch (page) {
            case LOGIN -> {
                shell.setStatusArea();
                shell.showStandalone(
                        new LoginView(new LoginViewModel(core.session(), texts, background, fx, defaultServer), texts));
            }
            case CHOOSE_PIN -> {
                shell.setStatusArea();
                shell.showStandalone(new PinView(
                        new PinViewModel(PinViewModel.Mode.CHOOSE, core.session(), clock, texts, background, fx),
                        texts));
            }
            case UNLOCK -> {
                shell.setStatusArea();
                PinViewModel pin =
                        new PinViewModel(PinViewModel.Mode.UNLOCK, core.session(), clock, texts, background, fx);
                // the key derivation keeps a core busy for a while: the home screen is built meanwhile (once the
                // call has left for the background)
                pin.busyProperty().addListener((o, was, busy) -> {
                    if (busy) {
                        fx.execute(this::prepareHome);
                    }
                });
                shell.showStandalone(new PinView(pin, texts));
            }
            case HOME -> {
                shell.setStatusArea(new SyncIndicator(syncStatus, texts, () -> shell.open(Place.SYNC.name())));
                syncStatus.refresh();
                conflicts = null;
                if (app.places().contains(Place.CONFLICTS)) {
                    ConflictsViewModel vm =
                            new ConflictsViewModel(core.conflicts(), core.sync(), zone, texts, background, fx);
                    vm.setOnMessage(shell::showMessage);
                    disposers.add(vm::dispose);
                    vm.refresh();
                    conflicts = vm;
                }
                List<Destination> destinations = new ArrayList<>();
                for (Place p : app.places()) {
                    destinations.add(new Destination(
                            p.name(),
                            app.label(p),
                            icon(p),
                            () -> screen(p),
                            p == Place.CONFLICTS && conflicts != null ? conflicts.badgeTextProperty() : null));
                }
                lastAgenda = null;
                shell.setDestinations(destinations);
                openAfterHomeIsDrawn();
            }
        }
    }

    /** Lets the work held since the unlock go once home shows its content: the agenda its day, another home at once. */
    private void openAfterHomeIsDrawn() {
        AfterHomeFrame gate = afterHome;
        if (gate == null) {
            return;
        }
        AgendaViewModel agenda = lastAgenda;
        if (agenda == null || !agenda.loadingProperty().get()) {
            afterNextFrame(gate::open);
            return;
        }
        ChangeListener<Boolean> loaded = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean loading) {
                if (!loading) {
                    agenda.loadingProperty().removeListener(this);
                    afterNextFrame(gate::open);
                }
            }
        };
        agenda.loadingProperty().addListener(loaded);
    }

    /** Runs {@code r} on the JavaFX thread once the next frame has been laid out (at once without a window). */
    private void afterNextFrame(Runnable r) {
        Scene scene = shell.getScene();
        if (scene == null) {
            r.run();
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            fx.execute(r); // after this pulse, not inside it
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /**
     * Builds the home screen while the PIN is being checked, on the PIN page of a user whose home is the agenda:
     * its view model and nodes, with their styles and skins (in a scene of their own), so that only the day's
     * appointments are left to read once the store is open. Does nothing elsewhere or when already done. The
     * agenda reads nothing before it is shown. Call on the JavaFX thread.
     */
    public void prepareHome() {
        if (app.pageProperty().get() != Page.UNLOCK || preparedHome != null) {
            return;
        }
        List<Place> places = AppViewModel.placesFor(
                core.session().account().map(AccountInfo::role).orElse(null));
        if (places.isEmpty() || places.get(0) != Place.AGENDA) {
            return;
        }
        AgendaViewModel vm = agendaViewModel();
        fr.mediance.app.core.agenda.AgendaChangesViewModel changes = agendaChanges();
        preparedHome = withIntake(new AgendaView(vm, texts)).withChanges(changes);
        preparedHomeDisposer = () -> {
            vm.dispose();
            changes.dispose();
        };
        preparedAgenda = vm;
        Node node = preparedHome.node();
        Scene scratch = new Scene(new StackPane(node));
        Theme.style(scratch);
        node.applyCss();
    }

    /** The home screen built by {@link #prepareHome()} and not shown yet. */
    public Optional<Screen> preparedHome() {
        return Optional.ofNullable(preparedHome);
    }

    /** The screen {@link #prepareHome()} built for {@code p}, once (its view model is then disposed with home). */
    private Screen takePrepared(Place p) {
        if (p != Place.AGENDA || preparedHome == null) {
            return null;
        }
        Screen screen = preparedHome;
        lastAgenda = preparedAgenda;
        disposers.add(preparedHomeDisposer);
        preparedHome = null;
        preparedHomeDisposer = null;
        preparedAgenda = null;
        return screen;
    }

    private void dropPreparedHome() {
        if (preparedHomeDisposer != null) {
            preparedHomeDisposer.run();
        }
        preparedHome = null;
        preparedHomeDisposer = null;
        preparedAgenda = null;
    }

    private AgendaViewModel agendaViewModel() {
        AgendaViewModel vm = new AgendaViewModel(
                core.agenda(), core.reference(), core.sync(), clock, zone, texts, background, fx, this::openVisit);
        vm.setOnPrepare(this::openAppointment);
        return vm;
    }

    /** « 3 changements depuis hier » of the counsellor's agenda (read when the agenda shows). */
    private fr.mediance.app.core.agenda.AgendaChangesViewModel agendaChanges() {
        return new fr.mediance.app.core.agenda.AgendaChangesViewModel(
                core.agendaChanges(), core.reference(), core.sync(), clock, zone, texts, background, fx);
    }

    private static Ikon icon(Place p) {
        return switch (p) {
            case AGENDA -> Material2AL.EVENT;
            case PLANNING -> Material2AL.EVENT_NOTE;
            case REQUESTS -> Material2AL.ASSIGNMENT_LATE;
            case MAP -> Material2MZ.MAP;
            case REPORTS -> Material2AL.ASSIGNMENT;
            case CONFLICTS -> Material2AL.CALL_SPLIT;
            case SYNC -> Material2MZ.SYNC;
            case TASKS -> Material2AL.ALARM_ON;
            case RESIDENTS -> Material2MZ.PEOPLE;
            case PARTNERS -> Material2AL.CONTACT_PHONE;
            case REFERENCE -> Material2AL.LIST_ALT;
            case GDPR -> Material2MZ.PRIVACY_TIP;
            case AUDIT -> Material2AL.HISTORY;
            case ACCOUNTS -> Material2MZ.PERSON_ADD;
        };
    }

    private Screen screen(Place p) {
        Screen prepared = takePrepared(p);
        if (prepared != null) {
            return prepared;
        }
        return switch (p) {
            case AGENDA -> {
                AgendaViewModel vm = agendaViewModel();
                disposers.add(vm::dispose);
                lastAgenda = vm;
                fr.mediance.app.core.agenda.AgendaChangesViewModel changes = agendaChanges();
                disposers.add(changes::dispose);
                yield withIntake(new AgendaView(vm, texts)).withChanges(changes);
            }
            case MAP -> {
                fr.mediance.app.core.roundmap.RoundMapViewModel vm =
                        new fr.mediance.app.core.roundmap.RoundMapViewModel(
                                core.agenda(),
                                core.residents(),
                                fr.mediance.app.core.roundmap.OfficeSettings.fromServer(core::remote),
                                core.sync(),
                                clock,
                                zone,
                                texts,
                                background,
                                fx);
                vm.setOnMessage(shell::showMessage);
                disposers.add(vm::dispose);
                vm.refresh();
                yield new fr.mediance.app.roundmap.RoundMapView(vm, texts);
            }
            case PLANNING -> {
                // the coordinator's week is the main view; the planning form opens from it (a new appointment, or a
                // free slot of the board)
                fr.mediance.app.core.planning.WeekViewModel vm = new fr.mediance.app.core.planning.WeekViewModel(
                        core.agenda(), core.reference(), core.tasks(), core.sync(), clock, zone, texts, background, fx);
                vm.setOnMessage(shell::showMessage);
                vm.setOnEdit(id -> editAppointment(id, vm::refresh));
                vm.setOnCreate(slot -> openPlanningForm(slot));
                disposers.add(vm::dispose);
                travelSettings(vm);
                yield new fr.mediance.app.planning.WeekView(vm, texts)
                        .withNew(() -> openPlanningForm(null))
                        .withSettings(this::openRoundsSettings);
            }
            case REQUESTS ->
                new fr.mediance.app.rounds.RoundsScreens(
                                core, apps, syncStatus.onlineProperty(), shell, disposers::add, texts, background, fx)
                        .queue();
            case REPORTS -> {
                OfficeReportsViewModel vm = new OfficeReportsViewModel(
                        core.office(), core.sync(), zone, texts, background, fx, this::openReport);
                disposers.add(vm::dispose);
                yield new OfficeReportsView(vm, texts);
            }
            case CONFLICTS -> new ConflictsView(conflicts, texts);
            case SYNC ->
                new SyncView(
                        syncStatus,
                        texts,
                        app.userTextProperty(),
                        app::lock,
                        this::logout,
                        app.roleProperty().get() == fr.mediance.protocol.Role.COUNSELLOR
                                ? this::openPhoneCalendar
                                : null);
            case TASKS -> new TaskScreens(context()).myTasks();
            case RESIDENTS -> new ResidentScreens(context()).search();
            case PARTNERS -> new PartnerScreens(context(), apps).directory();
            case REFERENCE -> new ReferenceScreens(context()).codeLists();
            case GDPR -> rightsRequests();
            case AUDIT -> {
                fr.mediance.app.core.audit.AuditLogViewModel vm = new fr.mediance.app.core.audit.AuditLogViewModel(
                        core::remote,
                        id -> core.residents().find(id).map(fr.mediance.app.core.resident.Resident::displayName),
                        zone,
                        texts,
                        background,
                        fx);
                vm.search();
                yield new fr.mediance.app.audit.AuditLogView(vm, texts);
            }
            case ACCOUNTS -> {
                fr.mediance.app.core.account.AccountsViewModel vm =
                        new fr.mediance.app.core.account.AccountsViewModel(core::remote, zone, background, fx);
                vm.refresh();
                yield new fr.mediance.app.account.AccountsView(
                        vm, texts, app.roleProperty().get());
            }
        };
    }

    /** « Calendrier du téléphone » (from the account card of « Synchronisation »): the counsellor's feed links. */
    private void openPhoneCalendar() {
        fr.mediance.app.core.calendar.PhoneCalendarViewModel vm =
                new fr.mediance.app.core.calendar.PhoneCalendarViewModel(
                        core::remote, syncStatus.onlineProperty(), zone, texts, background, fx);
        vm.refresh();
        shell.navigator().push(new fr.mediance.app.calendar.PhoneCalendarView(vm, texts));
    }

    /**
     * The structure's office and travel estimate for the week's travel lines, when the server can be reached (offline
     * the week shows the travel between stops with the default estimate).
     */
    private void travelSettings(fr.mediance.app.core.planning.WeekViewModel vm) {
        if (!syncStatus.onlineProperty().get()) {
            return;
        }
        core.remote()
                .ifPresent(client -> background.execute(() -> {
                    if (client.planningSettings()
                            instanceof
                            fr.mediance.app.core.remote.RemoteResult.Ok<fr.mediance.protocol.PlanningSettingsDto> ok) {
                        fx.execute(() -> {
                            vm.setTravelSettings(ok.value());
                            vm.refresh();
                        });
                    }
                }));
    }

    /** « Réglages des tournées »: the office, the travel estimate, the counsellors' hours (online). */
    private void openRoundsSettings() {
        fr.mediance.app.core.planning.RoundsSettingsViewModel vm =
                new fr.mediance.app.core.planning.RoundsSettingsViewModel(
                        core::remote, syncStatus.onlineProperty(), texts, background, fx);
        vm.refresh();
        shell.navigator().push(new fr.mediance.app.planning.RoundsSettingsView(vm, texts));
    }

    /** « Demandes RGPD »: the office's register of rights requests, read online. */
    private fr.mediance.app.gdpr.RightsRequestsView rightsRequests() {
        fr.mediance.app.core.gdpr.RightsRequestsViewModel vm = new fr.mediance.app.core.gdpr.RightsRequestsViewModel(
                core.rightsRequests(), clock, zone, background, fx);
        vm.setOnMessage(shell::showMessage);
        vm.refresh();
        return new fr.mediance.app.gdpr.RightsRequestsView(vm);
    }

    /** The agenda with "Nouveau dossier" (for the accounts that create files) and "Contact sans rendez-vous". */
    private AgendaView withIntake(AgendaView agenda) {
        return agenda.withIntake(
                mayCreateResident() ? () -> new CaseworkScreens(context()).newResident() : null,
                () -> new CaseworkScreens(context()).unplannedContact(null));
    }

    /** Read from the account file, so that it also works while the PIN is being checked (the store still locked). */
    private boolean mayCreateResident() {
        return core.session()
                .account()
                .map(AccountInfo::role)
                .map(fr.mediance.protocol.Permissions::mayCreateResident)
                .orElse(false);
    }

    /** What the screens of a feature need from the composition root. */
    private ScreenContext context() {
        return new ScreenContext(
                core,
                capture,
                texts,
                background,
                fx,
                clock,
                zone,
                shell,
                disposers::add,
                this::openVisit,
                this::openResidentFile);
    }

    private void openResidentFile(String residentId) {
        new ResidentScreens(context()).openFile(residentId);
    }

    /**
     * « Nouveau rendez-vous » of the week: a resident (existing or new) and a home appointment, at the board's free
     * slot when one was touched; the planned list below it.
     */
    private void openPlanningForm(fr.mediance.app.core.planning.WeekViewModel.Slot slot) {
        PlanningViewModel vm = new PlanningViewModel(
                core.residents(), core.agenda(), core.reference(), core.sync(), clock, zone, texts, background, fx);
        vm.setOnMessage(shell::showMessage);
        disposers.add(vm::dispose);
        if (slot != null) {
            vm.prefill(slot.date(), slot.start(), slot.counsellorId());
        }
        shell.navigator().push(new PlanningView(vm, texts).withEdit(id -> editAppointment(id, vm::refresh)));
    }

    /** The coordination's changes to one planned appointment; the planned list reloads after each. */
    private void editAppointment(String appointmentId, Runnable changed) {
        fr.mediance.app.core.planning.AppointmentEditViewModel vm =
                new fr.mediance.app.core.planning.AppointmentEditViewModel(core.agenda(), zone, texts, background, fx);
        vm.setOnMessage(shell::showMessage);
        vm.setOnChanged(changed);
        shell.navigator().push(new fr.mediance.app.planning.AppointmentEditView(vm, texts));
        vm.open(appointmentId);
    }

    /** The panel to read before leaving for an appointment. */
    private void openAppointment(String appointmentId) {
        AppointmentViewModel vm =
                new AppointmentViewModel(core.agenda(), core.reference(), apps, clock, zone, texts, background, fx);
        vm.setOnMessage(shell::showMessage);
        vm.setOnOpenVisit(this::openVisit);
        vm.setOnOpenResident(this::openResidentFile);
        AppointmentView view = new AppointmentView(vm, texts);
        shell.navigator().push(view);
        vm.load(appointmentId).thenAccept(found -> {
            if (!found) {
                shell.showError(texts.getString("appointment.notFound"));
            } else if (vm.residentId() != null) {
                view.addDocuments(new DocumentScreens(context()).residentDocuments(vm.residentId()));
            }
        });
    }

    private void openVisit(String appointmentId) {
        CompletableFuture<Boolean> opened = new VisitScreens(context()).openAppointment(appointmentId);
        if (shell.navigator().current() instanceof VisitView view) {
            // the arrival check-in at the top of the visit (hidden without a position service, or once terminated)
            CheckInViewModel checkIn =
                    new CheckInViewModel(core.checkIns(), location, clock, zone, texts, background, fx);
            view.insertAtTop(CheckInBar.of(checkIn, texts));
            CheckInBar.followFrozen(view.node(), checkIn);
            opened.thenAccept(found -> {
                if (found) {
                    checkIn.setAppointment(appointmentId);
                }
            });
        }
    }

    private void openReport(String reportId) {
        OfficeReportViewModel vm =
                new OfficeReportViewModel(core.office(), core.reference(), zone, texts, background, fx);
        shell.navigator().push(new OfficeReportView(vm, texts));
        vm.load(reportId);
    }

    private void logout() {
        app.logout(false).thenAccept(o -> {
            if (o.isOk()) {
                shell.showMessage(texts.getString("logout.done"));
            } else {
                shell.showError(o.message());
            }
        });
    }
}
