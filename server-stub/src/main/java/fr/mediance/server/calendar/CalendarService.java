package fr.mediance.server.calendar;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.CalendarLinkCreatedDto;
import fr.mediance.protocol.CalendarLinkDto;
import fr.mediance.protocol.Role;
import fr.mediance.server.DomainException;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.auth.Tokens;
import fr.mediance.server.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The counsellors' calendars: feed links (a secret address per link, stored as a hash, revocable), the feed a
 * phone fetches without an account, the {@code .ics} export of a period and the printable day sheet. Who may do
 * what: a counsellor for themself; the coordination and the admin manage any counsellor's links in their structure;
 * the coordination, the office and the admin export or print any counsellor's days in their structure.
 */
public final class CalendarService {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The feed holds the appointments from this many days back … */
    public static final int FEED_DAYS_BACK = 30;
    /** … to this many days ahead. */
    public static final int FEED_DAYS_AHEAD = 120;
    /** {@code last_used_at} is written at most once per this period (a phone polls often; a write each time costs). */
    static final Duration TOUCH_EVERY = Duration.ofHours(1);
    /** Longest secret accepted in a feed address (a link's is 43 characters): anything longer is not looked up. */
    static final int MAX_TOKEN = 100;

    private final Database db;
    private final Clock clock;
    private final CalendarLinkStore links = new CalendarLinkStore();
    private final RoundStore rounds = new RoundStore();

    public CalendarService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A fetched feed: its text, whose it is and through which link. */
    record Feed(String body, RoundStore.Account counsellor, String linkId, int events, boolean lastUseStale) {}

    /** An exported period. */
    record Export(String body, String fileName, RoundStore.Account counsellor, int events) {}

    /** A printed day. */
    record PrintedDay(byte[] pdf, String fileName, RoundStore.Account counsellor, List<RoundStore.Visit> visits) {}

    // --- links

    CalendarLinkCreatedDto createLink(AuthUser caller, String counsellorId) {
        RoundStore.Account counsellor = linkTarget(caller, counsellorId);
        if (!counsellor.active()) {
            throw DomainException.invalid(
                    "account_disabled", "Ce compte est désactivé : aucun lien de calendrier ne peut lui être créé.");
        }
        String token = Tokens.newToken();
        CalendarLinkStore.Link link = new CalendarLinkStore.Link(
                UUID.randomUUID().toString(),
                counsellor.structureId(),
                counsellor.id(),
                caller.id(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                null,
                null);
        db.inTransaction(tx -> {
            links.insert(tx, link, Tokens.hash(token));
            return null;
        });
        return new CalendarLinkCreatedDto(link.toDto(), token, ApiPaths.calendarFeed(token));
    }

    List<CalendarLinkDto> links(AuthUser caller, String counsellorId) {
        RoundStore.Account counsellor = linkTarget(caller, counsellorId);
        return db.read(tx -> links.ofCounsellor(tx, counsellor.structureId(), counsellor.id()).stream()
                .map(CalendarLinkStore.Link::toDto)
                .toList());
    }

    CalendarLinkDto revoke(AuthUser caller, String linkId) {
        return db.inTransaction(tx -> {
            CalendarLinkStore.Link link = links.find(tx, linkId)
                    .filter(l -> l.structureId().equals(caller.structureId()))
                    .orElseThrow(CalendarService::linkNotFound);
            if (caller.is(Role.COUNSELLOR) && !link.counsellorId().equals(caller.id())) {
                throw linkNotFound();
            }
            if (!caller.is(Role.COUNSELLOR) && !caller.is(Role.COORDINATOR) && !caller.is(Role.ADMIN)) {
                throw DomainException.forbidden("Votre rôle ne permet pas de révoquer un lien de calendrier.");
            }
            links.revoke(tx, linkId, clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.id());
            return links.find(tx, linkId).orElseThrow().toDto();
        });
    }

    private static DomainException linkNotFound() {
        return DomainException.notFound("not_found", "Ce lien de calendrier est introuvable.");
    }

    /** The counsellor whose links the caller manages: themself, or for the coordination and the admin any one. */
    private RoundStore.Account linkTarget(AuthUser caller, String counsellorId) {
        String id = counsellorId == null || counsellorId.isBlank() ? caller.id() : counsellorId.strip();
        if (caller.is(Role.COUNSELLOR)) {
            if (!id.equals(caller.id())) {
                throw DomainException.forbidden("Un conseiller ne gère que ses propres liens de calendrier.");
            }
        } else if (!caller.is(Role.COORDINATOR) && !caller.is(Role.ADMIN)) {
            throw DomainException.forbidden("Votre rôle ne permet pas de gérer les liens de calendrier.");
        }
        return counsellorOfStructure(caller, id);
    }

    /** The counsellor whose days the caller reads: themself, or for the office staff any one of the structure. */
    private RoundStore.Account readTarget(AuthUser caller, String counsellorId) {
        String id;
        if (counsellorId == null || counsellorId.isBlank()) {
            if (!caller.is(Role.COUNSELLOR)) {
                throw DomainException.invalid(
                        "missing_counsellor", "Précisez le conseiller (paramètre « counsellor »).");
            }
            id = caller.id();
        } else {
            id = counsellorId.strip();
        }
        if (caller.is(Role.COUNSELLOR) && !id.equals(caller.id())) {
            throw DomainException.forbidden("Un conseiller n'exporte que ses propres rendez-vous.");
        }
        return counsellorOfStructure(caller, id);
    }

    private RoundStore.Account counsellorOfStructure(AuthUser caller, String id) {
        return db.read(tx -> rounds.account(tx, id))
                .filter(a -> a.structureId().equals(caller.structureId()) && a.role() == Role.COUNSELLOR)
                .orElseThrow(() -> DomainException.notFound("not_found", "Ce conseiller est introuvable."));
    }

    // --- the feed

    /**
     * The feed of a secret: empty when no live link has it, or its counsellor's account is disabled (the caller
     * answers 404 either way, saying nothing of which).
     */
    Optional<Feed> feed(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        Instant now = clock.instant();
        Optional<Feed> feed = db.read(tx -> links.byTokenHash(tx, hash)
                .filter(l -> l.revokedAt() == null)
                .flatMap(l -> rounds.account(tx, l.counsellorId())
                        .filter(a -> a.active()
                                && a.role() == Role.COUNSELLOR
                                && a.structureId().equals(l.structureId()))
                        .map(a -> {
                            LocalDate today = LocalDate.ofInstant(now, PARIS);
                            Instant from = today.minusDays(FEED_DAYS_BACK)
                                    .atStartOfDay(PARIS)
                                    .toInstant();
                            Instant to = today.plusDays(FEED_DAYS_AHEAD + 1L)
                                    .atStartOfDay(PARIS)
                                    .toInstant();
                            List<RoundStore.Visit> visits = rounds.appointments(tx, a.structureId(), a.id(), from, to);
                            String name = "Médiance — rendez-vous";
                            boolean stale = l.lastUsedAt() == null
                                    || !now.isBefore(l.lastUsedAt().plus(TOUCH_EVERY));
                            return new Feed(IcsWriter.calendar(name, visits), a, l.id(), visits.size(), stale);
                        })));
        feed.filter(Feed::lastUseStale)
                .ifPresent(f -> db.inTransaction(tx -> {
                    links.touch(tx, f.linkId(), now.truncatedTo(ChronoUnit.MILLIS));
                    return null;
                }));
        return feed;
    }

    // --- export and day sheet

    Export export(AuthUser caller, String counsellorId, String fromText, String toText) {
        LocalDate from = date(ApiPaths.PARAM_FROM, fromText);
        LocalDate to = date(ApiPaths.PARAM_TO, toText);
        if (to.isBefore(from)) {
            throw DomainException.invalid("invalid_period", "La date de fin précède la date de début.");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > ApiPaths.CALENDAR_MAX_EXPORT_DAYS) {
            throw DomainException.invalid(
                    "period_too_long",
                    "La période exportée fait au plus " + ApiPaths.CALENDAR_MAX_EXPORT_DAYS + " jours (ici " + days
                            + ").");
        }
        RoundStore.Account counsellor = readTarget(caller, counsellorId);
        List<RoundStore.Visit> visits = db.read(tx -> rounds.appointments(
                tx,
                counsellor.structureId(),
                counsellor.id(),
                from.atStartOfDay(PARIS).toInstant(),
                to.plusDays(1).atStartOfDay(PARIS).toInstant()));
        String file = from.equals(to) ? "rendez-vous-" + from + ".ics" : "rendez-vous-" + from + "-au-" + to + ".ics";
        return new Export(IcsWriter.calendar("Médiance — rendez-vous", visits), file, counsellor, visits.size());
    }

    PrintedDay daySheet(AuthUser caller, String counsellorId, String dayText) {
        LocalDate day = dayText == null || dayText.isBlank()
                ? LocalDate.ofInstant(clock.instant(), PARIS)
                : date(ApiPaths.PARAM_DAY, dayText);
        RoundStore.Account counsellor = readTarget(caller, counsellorId);
        List<RoundStore.Visit> visits = db.read(tx -> rounds.appointments(
                tx,
                counsellor.structureId(),
                counsellor.id(),
                day.atStartOfDay(PARIS).toInstant(),
                day.plusDays(1).atStartOfDay(PARIS).toInstant()));
        String name =
                counsellor.displayName() == null || counsellor.displayName().isBlank()
                        ? counsellor.username()
                        : counsellor.displayName();
        byte[] pdf = DaySheet.pdf(new DaySheet.Sheet(name, day, visits, clock.instant()));
        return new PrintedDay(pdf, "feuille-de-route-" + day + ".pdf", counsellor, visits);
    }

    private static LocalDate date(String param, String text) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid(
                    "missing_date", "Le paramètre « " + param + " » est obligatoire (date AAAA-MM-JJ).");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            String shown = text.length() > 20 ? text.substring(0, 20) + "…" : text;
            throw DomainException.invalid(
                    "invalid_date",
                    "La date « " + shown + " » du paramètre « " + param + " » est invalide : attendu"
                            + " AAAA-MM-JJ (par exemple 2026-11-27).");
        }
    }
}
