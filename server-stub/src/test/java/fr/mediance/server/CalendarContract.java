package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.AccountRequest;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.CalendarLinkCreatedDto;
import fr.mediance.protocol.CalendarLinkDto;
import fr.mediance.protocol.CalendarLinksResponse;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.demo.DemoSeeder;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The phone calendars against the real server on one database kind: feed links, the feed a calendar app fetches
 * without an account, the {@code .ics} export and the printed day sheet.
 */
abstract class CalendarContract extends SyncScenario {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    final HttpClient http = HttpClient.newHttpClient();

    CalendarLinkCreatedDto createLink(String token, String counsellor) {
        String q = counsellor == null ? "" : "?" + ApiPaths.PARAM_COUNSELLOR + "=" + counsellor;
        TestServer.Response r = server.send(
                server.request(ApiPaths.CALENDAR_LINKS + q, token).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.as(CalendarLinkCreatedDto.class);
    }

    HttpResponse<String> fetch(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create(server.url(path)));
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static List<VEvent> events(Calendar c) {
        return c.getComponents("VEVENT").stream().map(VEvent.class::cast).toList();
    }

    static String prop(VEvent e, String name) {
        return e.getProperty(name).map(Property::getValue).orElse(null);
    }

    List<ResidentDto> demoResidents() {
        return pullAll(coord, null).changes().stream()
                .map(ChangeDto::data)
                .filter(ResidentDto.class::isInstance)
                .map(ResidentDto.class::cast)
                .toList();
    }

    List<AppointmentDto> demoAppointments() {
        return pullAll(coord, null).changes().stream()
                .map(ChangeDto::data)
                .filter(AppointmentDto.class::isInstance)
                .map(AppointmentDto.class::cast)
                .toList();
    }

    /** The raw text as a second reader sees it: CRLF line ends, every line at most 75 octets. */
    static void assertWellFormedLines(String ics) {
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }

    /** Unfolds the raw text (RFC 5545 §3.1) so that a value cut over two lines is searched whole. */
    static String unfolded(String ics) {
        return ics.replace("\r\n ", "");
    }

    // --- the feed

    @Test
    void theFeedParsesAndHoldsTheCounsellorsAppointmentsWithoutAnyResidentDetail() throws Exception {
        CalendarLinkCreatedDto link = createLink(conseil1, null);
        assertThat(link.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(link.path()).isEqualTo(ApiPaths.calendarFeed(link.token()));

        HttpResponse<String> r = fetch(link.path(), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("private");
        String ics = r.body();
        assertWellFormedLines(ics);

        List<AppointmentDto> mine = demoAppointments().stream()
                .filter(a -> a.counsellorId().equals(DemoSeeder.CONSEIL1))
                .toList();
        List<VEvent> events = events(parse(ics));
        assertThat(events.stream().map(e -> prop(e, "UID")).toList())
                .containsExactlyInAnyOrderElementsOf(
                        mine.stream().map(a -> a.id() + "@mediance").toList());
        VEvent first = events.stream()
                .filter(e -> prop(e, "UID").equals(A1 + "@mediance"))
                .findFirst()
                .orElseThrow();
        ResidentDto r1 = demoResidents().stream()
                .filter(x -> x.id().equals(R1))
                .findFirst()
                .orElseThrow();
        assertThat(prop(first, "SUMMARY")).isEqualTo("Visite à domicile — dossier " + r1.fileNumber());
        assertThat(prop(first, "LOCATION")).isEqualTo("Marseille 15e");
        assertThat(prop(first, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(prop(first, "SEQUENCE")).matches("\\d+");
        AppointmentDto a1 =
                mine.stream().filter(a -> a.id().equals(A1)).findFirst().orElseThrow();
        assertThat(prop(first, "DTSTART")).isEqualTo(ical(a1.start()));
        assertThat(prop(first, "DTEND")).isEqualTo(ical(a1.end()));
        assertThat(events.stream().filter(e -> "TENTATIVE".equals(prop(e, "STATUS"))))
                .isNotEmpty();

        String text = unfolded(ics);
        List<String> secrets = new ArrayList<>();
        for (ResidentDto res : demoResidents()) {
            Stream.of(res.lastName(), res.firstName(), res.phone(), res.street(), res.accessNotes(), res.synthesis())
                    .filter(s -> s != null && !s.isBlank())
                    .forEach(secrets::add);
        }
        for (AppointmentDto a : demoAppointments()) {
            Stream.of(a.notes(), a.safetyNotes(), a.address())
                    .filter(s -> s != null && !s.isBlank())
                    .forEach(secrets::add);
            secrets.addAll(a.checklist());
        }
        assertThat(secrets).hasSizeGreaterThan(30);
        for (String s : secrets) {
            assertThat(text).as("the feed holds « %s »", s).doesNotContain(s);
            // ical4j escapes commas: the escaped form must not be there either
            assertThat(text).doesNotContain(s.replace(",", "\\,"));
        }
    }

    static String ical(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .format(t.atZone(ZoneId.of("UTC")));
    }

    @Test
    void anotherCounsellorsLinkGivesOnlyTheirOwnAppointments() throws Exception {
        CalendarLinkCreatedDto link = createLink(conseil2, null);
        List<String> uids = events(parse(fetch(link.path(), null).body())).stream()
                .map(e -> prop(e, "UID"))
                .toList();
        List<String> theirs = demoAppointments().stream()
                .filter(a -> a.counsellorId().equals(DemoSeeder.CONSEIL2))
                .map(a -> a.id() + "@mediance")
                .toList();
        assertThat(uids).isNotEmpty().containsExactlyInAnyOrderElementsOf(theirs);
        assertThat(uids).doesNotContain(A1 + "@mediance");
    }

    @Test
    void aRevokedLinkAnswers404AtOnceAndTheListNeverShowsTheSecret() throws Exception {
        CalendarLinkCreatedDto link = createLink(conseil1, null);
        assertThat(fetch(link.path(), null).statusCode()).isEqualTo(200);

        TestServer.Response list = server.get(ApiPaths.CALENDAR_LINKS, conseil1);
        assertThat(list.body()).doesNotContain(link.token());
        CalendarLinkDto listed = list.as(CalendarLinksResponse.class).links().get(0);
        assertThat(listed.id()).isEqualTo(link.link().id());
        assertThat(listed.lastUsedAt()).isNotNull();
        assertThat(server.sql("SELECT token_hash FROM calendar_links WHERE id = ?", listed.id()))
                .isNotEqualTo(link.token())
                .hasSize(64);

        TestServer.Response revoked =
                server.send(server.request(ApiPaths.calendarLink(link.link().id()), conseil1)
                        .DELETE());
        assertThat(revoked.as(CalendarLinkDto.class).revokedAt()).isNotNull();
        HttpResponse<String> gone = fetch(link.path(), null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("révoqué").doesNotContain(link.token());
    }

    @Test
    void aColleagueCannotRevokeNorCreateAnotherCounsellorsLinkButTheCoordinationCan() {
        CalendarLinkCreatedDto link = createLink(conseil1, null);
        assertThat(server.send(server.request(ApiPaths.calendarLink(link.link().id()), conseil2)
                                .DELETE())
                        .status())
                .isEqualTo(404);
        assertThat(server.send(server.request(ApiPaths.CALENDAR_LINKS + "?counsellor=" + DemoSeeder.CONSEIL1, conseil2)
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .status())
                .isEqualTo(403);
        CalendarLinkCreatedDto byCoord = createLink(coord, DemoSeeder.CONSEIL2);
        assertThat(byCoord.link().counsellorId()).isEqualTo(DemoSeeder.CONSEIL2);
        assertThat(server.send(server.request(ApiPaths.CALENDAR_LINKS + "?counsellor=" + DemoSeeder.COORD, coord)
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .status())
                .as("a link is for a counsellor")
                .isEqualTo(404);
    }

    @Test
    void aDisabledAccountsFeedStopsAnswering() throws Exception {
        CalendarLinkCreatedDto link = createLink(conseil1, null);
        TestServer.Response disabled = server.send(server.request(
                        ApiPaths.fill(ApiPaths.ACCOUNT, ApiPaths.PARAM_ACCOUNT_ID, DemoSeeder.CONSEIL1),
                        server.token("admin"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        MedianceJson.gson().toJson(new AccountRequest(null, null, null, false)))));
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(fetch(link.path(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnchangedFeedAnswers304AndAChangedOneANewTag() throws Exception {
        CalendarLinkCreatedDto link = createLink(conseil1, null);
        HttpResponse<String> first = fetch(link.path(), null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = fetch(link.path(), etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        AppointmentDto a1 = demoAppointments().stream()
                .filter(a -> a.id().equals(A1))
                .findFirst()
                .orElseThrow();
        assertApplied(pushOne(
                coord, op(with(with(a1, "status", "cancelled_by_structure"), "statusReason", "Conseillère absente"))));
        HttpResponse<String> changed = fetch(link.path(), etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        VEvent cancelled = events(parse(changed.body())).stream()
                .filter(e -> prop(e, "UID").equals(A1 + "@mediance"))
                .findFirst()
                .orElseThrow();
        assertThat(prop(cancelled, "STATUS")).isEqualTo("CANCELLED");
    }

    @Test
    void anUnknownSecretAnswers404WithoutEchoingIt() throws Exception {
        String secret = "x".repeat(43);
        HttpResponse<String> r = fetch(ApiPaths.calendarFeed(secret), null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).doesNotContain(secret);
    }

    // --- the export

    @Test
    void theExportHoldsThePeriodsAppointmentsOnly() throws Exception {
        List<AppointmentDto> mine = demoAppointments().stream()
                .filter(a -> a.counsellorId().equals(DemoSeeder.CONSEIL1))
                .toList();
        LocalDate day = LocalDate.ofInstant(
                mine.stream()
                        .filter(a -> a.id().equals(A1))
                        .findFirst()
                        .orElseThrow()
                        .start(),
                PARIS);
        TestServer.Response r = server.get(exportPath(null, day, day), conseil1);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String ics = r.body();
        assertWellFormedLines(ics);
        List<String> expected = mine.stream()
                .filter(a -> LocalDate.ofInstant(a.start(), PARIS).equals(day))
                .map(a -> a.id() + "@mediance")
                .toList();
        assertThat(events(parse(ics)).stream().map(e -> prop(e, "UID")).toList())
                .containsExactlyInAnyOrderElementsOf(expected)
                .contains(A1 + "@mediance");
        for (ResidentDto res : demoResidents()) {
            assertThat(unfolded(ics)).doesNotContain(res.lastName()).doesNotContain(res.phone());
        }

        HttpResponse<String> raw = http.send(
                server.request(exportPath(DemoSeeder.CONSEIL1, day, day.plusDays(6)), server.token("bureau"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"rendez-vous-" + day + "-au-" + day.plusDays(6) + ".ics\"");
    }

    static String exportPath(String counsellor, LocalDate from, LocalDate to) {
        return ApiPaths.CALENDAR_EXPORT + "?" + (counsellor == null ? "" : "counsellor=" + counsellor + "&") + "from="
                + from + "&to=" + to;
    }

    @Test
    void theExportRefusesBadDatesLongPeriodsAndColleagues() {
        LocalDate d = LocalDate.of(2026, 11, 26);
        TestServer.Response bad = server.get(ApiPaths.CALENDAR_EXPORT + "?from=26/11/2026&to=2026-11-27", conseil1);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problem().detail()).contains("AAAA-MM-JJ");
        TestServer.Response longer = server.get(exportPath(null, d, d.plusDays(31)), conseil1);
        assertThat(longer.status()).isEqualTo(400);
        assertThat(longer.problem().detail()).contains("31 jours");
        assertThat(server.get(exportPath(null, d, d.plusDays(30)), conseil1).status())
                .isEqualTo(200);
        assertThat(server.get(exportPath(null, d, d.minusDays(1)), conseil1).status())
                .isEqualTo(400);
        assertThat(server.get(ApiPaths.CALENDAR_EXPORT + "?to=2026-11-27", conseil1)
                        .problem()
                        .detail())
                .contains("« from »");
        assertThat(server.get(exportPath(DemoSeeder.CONSEIL2, d, d), conseil1).status())
                .isEqualTo(403);
        assertThat(server.get(exportPath(null, d, d), coord).status()).isEqualTo(400);
        assertThat(server.get(exportPath("inconnu", d, d), coord).status()).isEqualTo(404);
    }

    // --- the day sheet

    @Test
    void theDaySheetPrintsEachAppointmentWithItsDetailAndTheCancelledApart() throws Exception {
        List<AppointmentDto> mine = demoAppointments().stream()
                .filter(a -> a.counsellorId().equals(DemoSeeder.CONSEIL1))
                .toList();
        AppointmentDto a1 =
                mine.stream().filter(a -> a.id().equals(A1)).findFirst().orElseThrow();
        LocalDate day = LocalDate.ofInstant(a1.start(), PARIS);
        List<AppointmentDto> ofDay = mine.stream()
                .filter(a -> LocalDate.ofInstant(a.start(), PARIS).equals(day))
                .toList();
        AppointmentDto second =
                ofDay.stream().filter(a -> !a.id().equals(A1)).findFirst().orElseThrow();
        assertApplied(pushOne(
                coord, op(with(with(second, "status", "cancelled_by_resident"), "statusReason", "Hospitalisée"))));

        TestServer.Response r =
                server.get(ApiPaths.DAY_SHEET + "?counsellor=" + DemoSeeder.CONSEIL1 + "&day=" + day, coord);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/pdf");
        Files.write(dir.resolve("feuille.pdf"), r.bytes());
        Path kept = Path.of("target", "day-sheet-" + getClass().getSimpleName() + ".pdf");
        Files.createDirectories(kept.getParent());
        Files.write(kept, r.bytes());
        String text;
        try (var doc = Loader.loadPDF(r.bytes())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        List<ResidentDto> residents = demoResidents();
        ResidentDto r1 =
                residents.stream().filter(x -> x.id().equals(R1)).findFirst().orElseThrow();
        assertThat(text)
                .contains("Feuille de route")
                .contains("Document confidentiel")
                .contains(r1.firstName() + " " + r1.lastName())
                .contains(r1.phone())
                .contains(a1.address())
                .contains(r1.accessNotes())
                .contains("Récupérer l'avis d'imposition 2025")
                .contains("Rendez-vous annulés")
                .contains("annulé par l'habitant");
        for (AppointmentDto a : ofDay) {
            ResidentDto res = residents.stream()
                    .filter(x -> x.id().equals(a.residentId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(text).contains(res.lastName());
            assertThat(text)
                    .contains(java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                            .format(a.start().atZone(PARIS)));
        }
        // the cancelled one is listed after the heading of the cancelled, the kept before it
        ResidentDto cancelledResident = residents.stream()
                .filter(x -> x.id().equals(second.residentId()))
                .findFirst()
                .orElseThrow();
        assertThat(text.lastIndexOf(cancelledResident.lastName())).isGreaterThan(text.indexOf("Rendez-vous annulés"));
        assertThat(text.indexOf(r1.lastName())).isLessThan(text.indexOf("Rendez-vous annulés"));
    }

    @Test
    void aCounsellorPrintsOnlyTheirOwnDay() {
        assertThat(server.get(ApiPaths.DAY_SHEET + "?day=2026-11-26", conseil1).status())
                .isEqualTo(200);
        assertThat(server.get(ApiPaths.DAY_SHEET + "?counsellor=" + DemoSeeder.CONSEIL2, conseil1)
                        .status())
                .isEqualTo(403);
        assertThat(server.get(ApiPaths.DAY_SHEET + "?day=demain", conseil1).status())
                .isEqualTo(400);
    }
}
