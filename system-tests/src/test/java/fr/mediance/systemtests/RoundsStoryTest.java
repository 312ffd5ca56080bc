package fr.mediance.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.agenda.Acceptance;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.agenda.ProposedVisit;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.app.core.sync.SyncReport;
import fr.mediance.protocol.ProposedStopDto;
import fr.mediance.protocol.Rounds;
import fr.mediance.protocol.WeekProposalDto;
import fr.mediance.protocol.WeekProposalRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rounds with the office server as its own process and its demo structure: the coordinator asks for next week's
 * proposal, accepts part of it on her desktop, the appointments reach the counsellors' tablets by sync as proposed
 * visits answering their requests, and a new proposal plans only what is still waiting.
 */
class RoundsStoryTest {
    private static final String PASSWORD = "Demo-" + UUID.randomUUID();
    private static final Map<String, String> ENV = Map.of("MEDIANCE_DEMO_PASSWORD", PASSWORD);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        open.add(resource);
        return resource;
    }

    private CoreContext device(String name, String url, String username, String pin) {
        CoreContext core = keep(CoreContext.builder(tmp.resolve("devices").resolve(name))
                .pinIterations(1_000)
                .build());
        core.login(url, username, PASSWORD);
        core.choosePin(pin);
        SyncReport first = core.sync().syncNow().join();
        assertThat(first.ok()).as(first.message()).isTrue();
        return core;
    }

    private static WeekProposalDto propose(CoreContext core, LocalDate monday) {
        RemoteClient client = core.remote().orElseThrow();
        RemoteResult<WeekProposalDto> r = client.proposeWeek(new WeekProposalRequest(monday, List.of(), 2));
        assertThat(r).as("proposal: %s", r).isInstanceOf(RemoteResult.Ok.class);
        return ((RemoteResult.Ok<WeekProposalDto>) r).value();
    }

    private static List<ProposedStopDto> visits(WeekProposalDto w) {
        return w.rounds().stream()
                .flatMap(r -> r.stops().stream())
                .filter(s -> Rounds.STOP_VISIT.equals(s.kind()))
                .toList();
    }

    @Test
    void aProposedWeekAcceptedInPartReachesTheTabletsAndIsNotProposedAgain() throws Exception {
        ServerProcess server = keep(ServerProcess.start(
                tmp.resolve("server").resolve("data"),
                ServerProcess.freePort(),
                true,
                ENV,
                ServerProcess.defaultStartTimeout()));
        String url = server.baseUrl().toString();
        LocalDate nextMonday = Rounds.monday(LocalDate.now(CoreContext.PARIS)).plusWeeks(1);

        CoreContext coord = device("coord", url, "coord", "482913");
        WeekProposalDto week = propose(coord, nextMonday);
        List<ProposedStopDto> proposed = visits(week);
        assertThat(week.monday()).isEqualTo(nextMonday);
        assertThat(week.travel()).isEqualTo(Rounds.TRAVEL_STRAIGHT_LINE);
        assertThat(proposed).hasSize(week.plannedVisits()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(proposed).allSatisfy(v -> {
            assertThat(v.explanations()).isNotEmpty();
            assertThat(v.requestId()).isNotBlank();
        });

        // the coordinator keeps the first half of the visits
        List<ProposedStopDto> kept = proposed.subList(0, proposed.size() / 2);
        List<ProposedVisit> accepted = kept.stream()
                .map(v -> new ProposedVisit(
                        v.requestId(),
                        v.residentId(),
                        week.rounds().stream()
                                .filter(r -> r.stops().contains(v))
                                .findFirst()
                                .orElseThrow()
                                .counsellorId(),
                        v.start(),
                        v.end()))
                .toList();
        Acceptance done = coord.agenda().acceptProposed(accepted);
        assertThat(done.created()).hasSize(kept.size());
        assertThat(done.overlapping()).isEmpty();
        assertThat(done.notHere()).isEmpty();
        SyncReport pushed = coord.sync().syncNow().join();
        assertThat(pushed.ok()).as(pushed.message()).isTrue();
        assertThat(pushed.rejected()).isZero();

        // each counsellor's tablet receives its own proposed visits
        Set<String> createdIds =
                done.created().stream().map(AgendaItem::appointmentId).collect(Collectors.toSet());
        CoreContext tablet = device("tablet", url, "conseil1", "739164");
        String conseil1 = tablet.session().account().orElseThrow().userId();
        List<AgendaItem> mine = done.created().stream()
                .filter(a -> a.counsellorId().equals(conseil1))
                .toList();
        for (AgendaItem a : mine) {
            AgendaItem received = tablet.agenda().find(a.appointmentId()).orElseThrow();
            assertThat(received.status()).isEqualTo("proposed");
            assertThat(received.start()).isEqualTo(a.start());
            assertThat(received.plannedBy())
                    .isEqualTo(coord.session().account().orElseThrow().userId());
        }
        assertThat(createdIds)
                .containsAll(mine.stream().map(AgendaItem::appointmentId).toList());

        // a new proposal leaves out the answered requests and still plans the others
        WeekProposalDto again = propose(coord, nextMonday);
        Set<String> answered = kept.stream().map(ProposedStopDto::requestId).collect(Collectors.toSet());
        List<ProposedStopDto> stillProposed = visits(again);
        assertThat(stillProposed).extracting(ProposedStopDto::requestId).doesNotContainAnyElementsOf(answered);
        assertThat(stillProposed.size() + again.unplanned().size())
                .isGreaterThanOrEqualTo(proposed.size() - kept.size());
        // the accepted visits are now fixed appointments of the rounds
        assertThat(again.rounds().stream().flatMap(r -> r.stops().stream()))
                .filteredOn(s -> Rounds.STOP_APPOINTMENT.equals(s.kind()))
                .extracting(ProposedStopDto::appointmentId)
                .containsAll(createdIds);
    }
}
