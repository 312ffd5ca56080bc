package fr.mediance.app.core.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.agenda.Acceptance;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.platform.ExternalApps;
import fr.mediance.app.core.sync.OutboxItem;
import fr.mediance.app.core.testing.RoundsFixture;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.HomeVisits;
import fr.mediance.protocol.RequestDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The requests queue, the week's proposal and the persons to inform, on a real device store and the fake office. */
class RoundsViewModelsTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(TestCores.T0); // Friday 27/11/2026, 09:00 in Paris
    final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
    final List<String> messages = new ArrayList<>();
    CoreContext core;

    @BeforeEach
    void setUp() {
        RoundsFixture.seed(server);
        core = TestCores.signedIn(dir, clock, server, "coord");
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        assertThat(core.reference().refreshUsers().isOk()).isTrue();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    RequestQueueViewModel queue() {
        RequestQueueViewModel vm = new RequestQueueViewModel(
                core.requestQueue(),
                core.cases(),
                core.reference(),
                clock,
                core.zone(),
                TEXTS,
                Runnable::run,
                Runnable::run);
        vm.setOnMessage(messages::add);
        vm.refresh().join();
        return vm;
    }

    WeekProposalViewModel proposal(Executor background) {
        WeekProposalViewModel vm = new WeekProposalViewModel(
                core::remote,
                online,
                core.requestQueue(),
                core.agenda(),
                core.reference(),
                clock,
                core.zone(),
                TEXTS,
                background,
                Runnable::run);
        vm.load(); // done at once on the direct executor; the deferred one runs it when told
        return vm;
    }

    InformViewModel inform() {
        InformViewModel vm = new InformViewModel(
                core.agenda(),
                core.requestQueue(),
                ExternalApps.NONE,
                clock,
                core.zone(),
                TEXTS,
                Runnable::run,
                Runnable::run);
        vm.setOnMessage(messages::add);
        vm.refresh().join();
        return vm;
    }

    List<String> pending(EntityType type) {
        return core.sync().pendingItems().stream()
                .filter(i -> i.entity() == type)
                .map(OutboxItem::entityId)
                .toList();
    }

    // --- the queue

    @Test
    void theWaitingRequestsComeUrgentFirstByTheirDeadlineWithWhatThePlanningNeeds() {
        RequestQueueViewModel vm = queue();

        assertThat(vm.rows()).extracting(RequestQueueViewModel.Row::requestId).containsExactly("q1", "q2", "q3");
        RequestQueueViewModel.Row q1 = vm.rows().get(0);
        assertThat(q1.name()).isEqualTo("Fatima Benali");
        assertThat(q1.fileNumber()).isEqualTo("D-2026-014");
        assertThat(q1.neighbourhood()).isEqualTo("Marseille 15e");
        assertThat(q1.visit()).isEqualTo("Première visite · 90 min");
        assertThat(q1.availability()).isEqualTo("mardi après-midi, jeudi matin");
        assertThat(q1.avoid()).isEqualTo("À éviter : 03/12");
        assertThat(q1.counsellor()).isEqualTo("Connaît Awa Diallo");
        assertThat(q1.deadlineText()).isEqualTo("En retard : à faire avant le 26/11/2026");
        assertThat(q1.overdue()).isTrue();
        assertThat(q1.located()).isTrue();

        RequestQueueViewModel.Row q2 = vm.rows().get(1);
        assertThat(q2.deadlineText()).isEqualTo("À faire avant le 30/11/2026");
        assertThat(q2.overdue()).isFalse();
        assertThat(q2.visit()).isEqualTo("Visite de suivi · 45 min");
        assertThat(q2.availability()).isEqualTo("à tout moment");
        assertThat(q2.mobility()).isEqualTo("Mobilité : Fauteuil roulant");
        assertThat(q2.located()).isFalse();
        assertThat(q2.counsellor()).isEmpty();

        assertThat(vm.rows().get(2).availability()).isEqualTo("lundi");
        assertThat(vm.rows().get(2).deadlineText()).isEmpty();
        assertThat(vm.summaryProperty().get())
                .isEqualTo("3 demandes à visiter, dont 2 urgentes · 1 sans souhait de visite");
    }

    @Test
    void theFiltersKeepTheUrgentRequestsOrThoseWhoseCounsellorIsKnown() {
        RequestQueueViewModel vm = queue();
        vm.urgentOnlyProperty().set(true);
        assertThat(vm.rows()).extracting(RequestQueueViewModel.Row::requestId).containsExactly("q1", "q2");
        vm.counsellorKnownProperty().set(true);
        assertThat(vm.rows()).extracting(RequestQueueViewModel.Row::requestId).containsExactly("q1");
        vm.urgentOnlyProperty().set(false);
        assertThat(vm.rows()).extracting(RequestQueueViewModel.Row::requestId).containsExactly("q1", "q3");
    }

    @Test
    void aRequestWithoutAWishGetsOneAndJoinsTheWaitingOnesSavedForTheOffice() {
        RequestQueueViewModel vm = queue();
        vm.modeProperty().set(RequestQueueViewModel.Mode.WITHOUT_WISH);
        assertThat(vm.rows()).extracting(RequestQueueViewModel.Row::requestId).containsExactly("q4");

        vm.edit(vm.rows().get(0));
        vm.kindProperty().set(HomeVisits.SIGNATURE);
        assertThat(vm.usualProperty().get()).isEqualTo("Durée habituelle : 30 min");
        vm.halfDayProperty("wed_am").set(true);
        vm.avoidInputProperty().set("02/12/2026");
        assertThat(vm.addAvoidDate()).isTrue();
        assertThat(vm.saveWish().join()).isTrue();

        RequestDto saved = core.cases().requests("rr4").get(0);
        assertThat(saved.homeVisit().kind()).isEqualTo(HomeVisits.SIGNATURE);
        assertThat(saved.homeVisit().availability()).containsExactly("wed_am");
        assertThat(saved.homeVisit().avoidDates()).containsExactly(java.time.LocalDate.of(2026, 12, 2));
        assertThat(pending(EntityType.REQUEST)).containsExactly("q4");
        assertThat(vm.rows()).isEmpty();
        vm.modeProperty().set(RequestQueueViewModel.Mode.WAITING);
        assertThat(vm.rows()).extracting(RequestQueueViewModel.Row::requestId).contains("q4");
        assertThat(messages).containsExactly("Souhait de visite enregistré sur cet appareil.");
    }

    @Test
    void aWishTooLongIsRefusedAsItIsTypedWithTheSharedRulesMessageAndNothingIsSaved() {
        RequestQueueViewModel vm = queue();
        vm.edit(vm.rows().get(0));
        vm.minutesProperty().set("300");
        assertThat(vm.wishErrorProperty().get()).isEqualTo("Une visite à domicile dure de 15 à 240 minutes.");
        assertThat(vm.saveWish().join()).isFalse();
        vm.minutesProperty().set("une heure");
        assertThat(vm.wishErrorProperty().get()).startsWith("Durée invalide");
        vm.avoidInputProperty().set("31/11/2026");
        assertThat(vm.addAvoidDate()).isFalse();
        assertThat(vm.wishErrorProperty().get()).startsWith("Date impossible");
        assertThat(pending(EntityType.REQUEST)).isEmpty();
        assertThat(core.cases().requests("rr1").get(0).homeVisit().minutes()).isNull();
    }

    // --- the proposal

    @Test
    void offlineTheProposalIsNotAskedAndTheScreenSaysWhy() {
        online.set(false);
        WeekProposalViewModel vm = proposal(Runnable::run);
        vm.propose();
        assertThat(vm.errorProperty().get()).startsWith("Hors connexion : la proposition est calculée par le serveur");
        assertThat(vm.stateProperty().get()).isEqualTo(WeekProposalViewModel.State.CHOOSING);
        assertThat(server.proposalRequests).isEmpty();
    }

    @Test
    void theProposalAsksForNextWeekAndEveryCounsellorThenShowsTheRoundsWithNamesFromThisDevice() {
        server.weekProposal = RoundsFixture.proposal();
        WeekProposalViewModel vm = proposal(Runnable::run);
        assertThat(vm.weekProperty().get()).isEqualTo(RoundsFixture.MONDAY);
        assertThat(vm.weekLabel(vm.weeks().get(0))).isEqualTo("Semaine du 23/11/2026 (en cours)");
        vm.propose();

        assertThat(server.proposalRequests).hasSize(1);
        assertThat(server.proposalRequests.get(0).monday()).isEqualTo(RoundsFixture.MONDAY);
        assertThat(server.proposalRequests.get(0).counsellorIds()).isEmpty();
        assertThat(server.proposalRequests.get(0).seconds()).isEqualTo(8);
        assertThat(vm.stateProperty().get()).isEqualTo(WeekProposalViewModel.State.SHOWN);
        assertThat(vm.totalsProperty().get())
                .isEqualTo(
                        "3 visites proposées · 140 min de trajet (estimé à vol d’oiseau) · 1 demande laissée de côté");
        WeekProposalViewModel.Round tuesday = vm.rounds().get(1);
        assertThat(tuesday.title()).isEqualTo("mardi 01/12 · Awa Diallo");
        assertThat(tuesday.departure()).isEqualTo("Départ du bureau à 08:35");
        assertThat(tuesday.back()).isEqualTo("Retour au bureau à 17:10 (20 min de trajet)");
        assertThat(tuesday.stops())
                .extracting(WeekProposalViewModel.Stop::name)
                .containsExactly("Samir Belkacem", "Paul Mercier", "Fatima Benali");
        WeekProposalViewModel.Stop fixed = tuesday.stops().get(1);
        assertThat(fixed.isVisit()).isFalse();
        assertThat(fixed.locked()).isTrue();
        assertThat(fixed.selectedProperty().get()).isFalse();
        assertThat(tuesday.stops().get(2).time()).isEqualTo("15:20 – 16:50");
        assertThat(tuesday.stops().get(2).details()).isEqualTo("D-2026-014 · Première visite · 20 min de trajet");
        assertThat(tuesday.stops().get(2).explanations()).hasSize(3);
        assertThat(vm.unplanned())
                .containsExactly(new WeekProposalViewModel.Unplanned(
                        "Paul Mercier",
                        "D-2026-033",
                        "D-2026-033 : aucune demi-journée possible cette semaine (jours à éviter)."));
        assertThat(vm.problems()).hasSize(1);
    }

    @Test
    void theOfficesRefusalIsShownInFrenchAndTheChoicesStay() {
        core.close();
        core = TestCores.signedIn(dir.resolve("awa"), clock, server, "awa");
        WeekProposalViewModel vm = proposal(Runnable::run);
        vm.propose();
        assertThat(vm.errorProperty().get()).isEqualTo("Seule la coordination propose une semaine de tournées.");
        assertThat(vm.stateProperty().get()).isEqualTo(WeekProposalViewModel.State.CHOOSING);
        assertThat(server.proposalRequests).isEmpty();
    }

    @Test
    void someCounsellorsOnlyAreAskedByTheirIds() {
        WeekProposalViewModel vm = proposal(Runnable::run);
        vm.counsellors().stream()
                .filter(c -> c.id().equals("u-c1"))
                .forEach(c -> c.selected().set(false));
        vm.weekProperty().set(vm.weeks().get(0));
        vm.propose();
        assertThat(server.proposalRequests.get(0).counsellorIds()).containsExactly("u-c2");
        assertThat(server.proposalRequests.get(0).monday()).isEqualTo(java.time.LocalDate.of(2026, 11, 23));
    }

    @Test
    void aCancelledComputationIgnoresTheAnswerWhenItComes() {
        server.weekProposal = RoundsFixture.proposal();
        Queue<Runnable> later = new ArrayDeque<>();
        WeekProposalViewModel vm = proposal(later::add);
        // the counsellors' loading was queued too
        while (!later.isEmpty()) {
            later.poll().run();
        }
        vm.propose();
        assertThat(vm.stateProperty().get()).isEqualTo(WeekProposalViewModel.State.COMPUTING);
        vm.cancel();
        assertThat(vm.stateProperty().get()).isEqualTo(WeekProposalViewModel.State.CHOOSING);
        while (!later.isEmpty()) {
            later.poll().run();
        }
        assertThat(server.proposalRequests).hasSize(1);
        assertThat(vm.proposalProperty().get()).isNull();
        assertThat(vm.rounds()).isEmpty();
        assertThat(vm.resultProperty().get()).isEqualTo("Calcul annulé : rien n’a été changé.");
    }

    @Test
    void acceptingSomeVisitsCreatesProposedAppointmentsAnsweringTheirRequestsQueuedForTheOffice() {
        server.weekProposal = RoundsFixture.proposal();
        WeekProposalViewModel vm = proposal(Runnable::run);
        vm.propose();
        vm.rounds().get(0).select(false); // not Julien's Monday

        Acceptance a = vm.accept().join();

        assertThat(a.created()).hasSize(2);
        List<AppointmentDto> made = a.created().stream()
                .map(i -> (AppointmentDto) server.entity(EntityType.APPOINTMENT, i.appointmentId()))
                .toList();
        assertThat(made).allMatch(m -> m == null); // not sent yet: on this device, queued
        assertThat(pending(EntityType.APPOINTMENT))
                .containsExactlyInAnyOrderElementsOf(
                        a.created().stream().map(AgendaItem::appointmentId).toList());
        assertThat(core.sync().syncNow().join().ok()).isTrue();
        List<AppointmentDto> sent = a.created().stream()
                .map(i -> (AppointmentDto) server.entity(EntityType.APPOINTMENT, i.appointmentId()))
                .toList();
        assertThat(sent).extracting(AppointmentDto::requestId).containsExactlyInAnyOrder("q1", "q2");
        assertThat(sent).extracting(AppointmentDto::status).containsOnly("proposed");
        assertThat(sent).extracting(AppointmentDto::type).containsOnly("home_visit");
        assertThat(sent).extracting(AppointmentDto::counsellorId).containsOnly("u-c1");
        AppointmentDto fatima = sent.stream()
                .filter(s -> s.requestId().equals("q1"))
                .findFirst()
                .orElseThrow();
        assertThat(fatima.start()).isEqualTo(RoundsFixture.at(RoundsFixture.TUESDAY, 15, 20));
        assertThat(fatima.end()).isEqualTo(RoundsFixture.at(RoundsFixture.TUESDAY, 16, 50));
        assertThat(fatima.address()).isEqualTo("12 rue des Lilas, 13015 Marseille");
        assertThat(vm.resultProperty().get())
                .isEqualTo("2 visites acceptées : rendez-vous proposés, à confirmer avec les personnes.");
        // the requests answered leave the queue
        assertThat(queue().rows())
                .extracting(RequestQueueViewModel.Row::requestId)
                .containsExactly("q3");
    }

    @Test
    void acceptingTwiceCreatesNothingMoreAndAVisitOverlappingTheAgendaIsLeftAsideAndNamed() {
        server.weekProposal = RoundsFixture.proposal();
        WeekProposalViewModel first = proposal(Runnable::run);
        first.propose();
        first.rounds().get(1).select(false);
        assertThat(first.accept().join().created()).hasSize(1); // Julien's Monday

        // Julien now has an appointment at 10:00 on Monday … and the proposal is accepted again, in full
        assertThat(core.agenda()
                        .plan(new fr.mediance.app.core.agenda.AppointmentForm(
                                "rr1",
                                "u-c1",
                                "home_visit",
                                RoundsFixture.TUESDAY,
                                java.time.LocalTime.of(9, 30),
                                java.time.Duration.ofMinutes(30),
                                null,
                                null))
                        .isOk())
                .isTrue();
        WeekProposalViewModel second = proposal(Runnable::run);
        second.propose();
        Acceptance a = second.accept().join();

        assertThat(a.created()).extracting(AgendaItem::residentId).containsExactly("rr1");
        assertThat(a.overlapping()).extracting(v -> v.requestId()).containsExactly("q2");
        assertThat(a.alreadyAnswered()).extracting(v -> v.requestId()).containsExactly("q3");
        assertThat(second.resultProperty().get())
                .isEqualTo("1 visite acceptée : rendez-vous proposés, à confirmer avec les personnes. "
                        + "2 visites non retenues : D-2026-021 09:00 (chevauche un rendez-vous), "
                        + "D-2026-030 09:30 (déjà planifiée).");
        long forQ3 = core.agenda().planned(RoundsFixture.MONDAY, RoundsFixture.MONDAY.plusDays(6)).stream()
                .filter(i -> i.residentId().equals("rr3"))
                .count();
        assertThat(forQ3).isEqualTo(1);
    }

    @Test
    void aVisitWhoseFileIsNotOnThisDeviceIsLeftAsideAndNamed() {
        fr.mediance.protocol.WeekProposalDto p = RoundsFixture.proposal();
        java.time.LocalDate wednesday = RoundsFixture.MONDAY.plusDays(2);
        fr.mediance.protocol.ProposedStopDto ghost = new fr.mediance.protocol.ProposedStopDto(
                "visit",
                "q7",
                null,
                "r-elsewhere",
                "D-2026-099",
                HomeVisits.FOLLOW_UP,
                RoundsFixture.at(wednesday, 10, 0),
                RoundsFixture.at(wednesday, 11, 0),
                20,
                false,
                null,
                List.of());
        List<fr.mediance.protocol.ProposedRoundDto> rounds = new ArrayList<>(p.rounds());
        rounds.add(new fr.mediance.protocol.ProposedRoundDto(
                "u-c2",
                wednesday,
                RoundsFixture.at(wednesday, 9, 40),
                RoundsFixture.at(wednesday, 11, 20),
                40,
                20,
                null,
                null,
                List.of(ghost)));
        server.weekProposal = new fr.mediance.protocol.WeekProposalDto(
                p.monday(), p.computedAt(), p.travel(), 180, 4, rounds, p.unplanned(), p.problems());
        WeekProposalViewModel vm = proposal(Runnable::run);
        vm.propose();

        Acceptance a = vm.accept().join();

        assertThat(a.created()).hasSize(3);
        assertThat(a.notHere()).extracting(v -> v.requestId()).containsExactly("q7");
        assertThat(vm.resultProperty().get())
                .endsWith("1 visite non retenue : D-2026-099 10:00 (dossier absent de cet appareil).");
    }

    // --- the persons to inform

    @Test
    void thePersonsToInformAreListedByDateThenConfirmedOrCancelledAndTheRequestReturnsToTheQueue() {
        server.weekProposal = RoundsFixture.proposal();
        WeekProposalViewModel p = proposal(Runnable::run);
        p.propose();
        p.accept().join();

        InformViewModel vm = inform();
        assertThat(vm.rows())
                .extracting(InformViewModel.Row::name)
                .containsExactly("Josiane Roux", "Samir Belkacem", "Fatima Benali");
        InformViewModel.Row josiane = vm.rows().get(0);
        assertThat(josiane.when()).isEqualTo("lundi 30/11/2026 de 09:30 à 10:15");
        assertThat(josiane.counsellor()).isEqualTo("Julien Martin");
        assertThat(josiane.phones()).containsExactly(new InformViewModel.Phone("Josiane Roux", "04 91 22 33 44"));
        assertThat(vm.summaryProperty().get()).isEqualTo("3 personnes à prévenir");

        assertThat(vm.confirmed(josiane).join()).isTrue();
        assertThat(vm.cannot(vm.rows().get(0)).join()).isTrue(); // Karim cannot

        assertThat(vm.rows()).extracting(InformViewModel.Row::name).containsExactly("Fatima Benali");
        List<AgendaItem> week = core.agenda().planned(RoundsFixture.MONDAY, RoundsFixture.MONDAY.plusDays(6));
        assertThat(week.stream()
                        .filter(i -> i.residentId().equals("rr3"))
                        .findFirst()
                        .orElseThrow()
                        .status())
                .isEqualTo("confirmed");
        AgendaItem karim = week.stream()
                .filter(i -> i.residentId().equals("rr2"))
                .findFirst()
                .orElseThrow();
        assertThat(karim.status()).isEqualTo("cancelled_by_resident");
        assertThat(karim.statusReason()).isEqualTo(InformViewModel.CANNOT_REASON);
        assertThat(queue().rows())
                .extracting(RequestQueueViewModel.Row::requestId)
                .containsExactly("q2");
        assertThat(messages)
                .containsExactly(
                        "Rendez-vous de Josiane Roux confirmé.",
                        "Rendez-vous de Samir Belkacem annulé : la demande revient dans la file.");
    }
}
