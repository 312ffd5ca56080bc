package fr.mediance.server.planning;

import fr.mediance.planning.GeoPoint;
import fr.mediance.planning.week.Counsellor;
import fr.mediance.planning.week.ExistingAppointment;
import fr.mediance.planning.week.HalfDay;
import fr.mediance.planning.week.LunchBreak;
import fr.mediance.planning.week.VisitRequest;
import fr.mediance.planning.week.WeekProblem;
import fr.mediance.planning.week.WorkingHours;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.CounsellorScheduleDto;
import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.HomeVisits;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Rounds;
import fr.mediance.protocol.UnplannedRequestDto;
import fr.mediance.protocol.WeekProposalRequest;
import fr.mediance.protocol.WorkingDayDto;
import fr.mediance.server.DomainException;
import fr.mediance.server.db.Tx;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A week to propose, read from the database: the {@link WeekProblem} for the planner, and what the answer needs
 * besides (each request's resident and visit kind, each appointment's resident, the places on the map), with what
 * was wrong in the data and the requests left out before the search.
 */
record WeekInput(
        WeekProblem problem,
        double detourFactor,
        double speedKmh,
        Map<String, RequestDto> requests,
        Map<String, AppointmentDto> appointments,
        Map<String, ResidentDto> residents,
        GeoPointDto office,
        List<String> problems,
        List<UnplannedRequestDto> leftOut) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * The requests waiting for a home visit are those still {@link Casework#REQUEST_NEW}: an answered request had its
     * visit or contact ({@code visitReportId}), an oriented one was sent to a partner, a closed one needs nothing
     * more. Among them, those with a home-visit wish that no live appointment answers ({@code requestId}), unless
     * that appointment was cancelled or the person was not there (no-show): the visit is still to be made.
     */
    static boolean answers(AppointmentDto a) {
        return a.requestId() != null && !a.status().startsWith("cancelled") && !"no_show".equals(a.status());
    }

    static WeekInput load(
            Tx tx,
            PlanningStore store,
            String structureId,
            WeekProposalRequest request,
            PlanningStore.Settings s,
            LocalDate today) {
        LocalDate monday = request.monday();
        List<String> problems = new ArrayList<>();
        List<UnplannedRequestDto> leftOut = new ArrayList<>();

        // the team
        List<PlanningStore.Account> active = store.activeCounsellors(tx, structureId);
        List<PlanningStore.Account> team;
        if (request.counsellorIds().isEmpty()) {
            team = active;
        } else {
            Map<String, PlanningStore.Account> byId = new LinkedHashMap<>();
            active.forEach(a -> byId.put(a.id(), a));
            team = new ArrayList<>();
            for (String id : request.counsellorIds()) {
                PlanningStore.Account a = byId.get(id);
                if (a == null) {
                    String message = "« " + id + " » n'est pas un conseiller actif de votre structure : retirez-le "
                            + "de la proposition.";
                    throw new DomainException(
                            DomainException.Kind.INVALID,
                            "unknown_counsellor",
                            message,
                            List.of(new FieldErrorDto("counsellorIds", message)));
                }
                team.add(a);
            }
        }
        if (team.isEmpty()) {
            throw new DomainException(
                    DomainException.Kind.CONFLICT,
                    "no_counsellor",
                    "Votre structure n'a aucun conseiller actif : aucune semaine ne peut être proposée.");
        }
        Map<String, PlanningStore.SavedSchedule> saved = store.schedules(tx, structureId);
        List<Counsellor> counsellors = team.stream()
                .map(a -> counsellor(PlanningService.schedule(a, Optional.ofNullable(saved.get(a.id())))))
                .toList();
        Set<String> teamIds = new HashSet<>();
        team.forEach(a -> teamIds.add(a.id()));

        // the waiting requests
        List<RequestDto> waiting = store.liveRequests(tx, structureId, Casework.REQUEST_NEW).stream()
                .filter(r -> r.homeVisit() != null)
                .toList();
        Set<String> residentIds = new LinkedHashSet<>();
        waiting.forEach(r -> residentIds.add(r.residentId()));
        List<AppointmentDto> ofResidents = store.appointmentsOfResidents(tx, structureId, residentIds);
        Set<String> answered = new HashSet<>();
        Map<String, String> lastDoneBy = new LinkedHashMap<>();
        for (AppointmentDto a : ofResidents) { // the latest first
            if (answers(a)) {
                answered.add(a.requestId());
            }
            if ("done".equals(a.status())) {
                lastDoneBy.putIfAbsent(a.residentId(), a.counsellorId());
            }
        }
        waiting = waiting.stream().filter(r -> !answered.contains(r.id())).toList();

        // the week's appointments of the team
        Instant from = monday.atStartOfDay(PlanningService.PARIS).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(PlanningService.PARIS).toInstant();
        List<AppointmentDto> week = store.appointmentsBetween(tx, structureId, from, to).stream()
                .filter(a -> teamIds.contains(a.counsellorId()) && !a.status().startsWith("cancelled"))
                .toList();
        Set<String> needed = new HashSet<>(residentIds);
        week.forEach(a -> needed.add(a.residentId()));
        Map<String, ResidentDto> residents = store.residents(tx, needed);

        GeoPoint office = point(s.office());
        return build(
                monday,
                today,
                s,
                counsellors,
                teamIds,
                waiting,
                lastDoneBy,
                week,
                residents,
                office,
                problems,
                leftOut);
    }

    static WeekInput build(
            LocalDate monday,
            LocalDate today,
            PlanningStore.Settings s,
            List<Counsellor> counsellors,
            Set<String> teamIds,
            List<RequestDto> waiting,
            Map<String, String> lastDoneBy,
            List<AppointmentDto> week,
            Map<String, ResidentDto> residents,
            GeoPoint office,
            List<String> problems,
            List<UnplannedRequestDto> leftOut) {
        // days already begun are not proposed (a visit is agreed with the person at least a day ahead): the team
        // is off on them, and their appointments are left out
        Set<LocalDate> begun = new HashSet<>();
        for (LocalDate d = monday; !d.isAfter(today) && d.isBefore(monday.plusDays(7)); d = d.plusDays(1)) {
            begun.add(d);
        }
        LocalDate firstDay = today.isBefore(monday) ? monday : today.plusDays(1);
        List<Counsellor> team = counsellors;
        if (!begun.isEmpty()) {
            team = counsellors.stream()
                    .map(c -> {
                        Set<LocalDate> off = new HashSet<>(c.daysOff());
                        off.addAll(begun);
                        return new Counsellor(c.id(), c.displayName(), c.hours(), c.lunch(), off);
                    })
                    .toList();
        }

        Map<String, RequestDto> byId = new LinkedHashMap<>();
        List<RequestDto> plannable = new ArrayList<>();
        for (RequestDto r : waiting) {
            ResidentDto resident = residents.get(r.residentId());
            if (resident == null) {
                problems.add("Une demande du " + DAY.format(r.receivedOn())
                        + " concerne une personne dont le dossier est supprimé : elle est laissée de côté.");
                continue;
            }
            byId.put(r.id(), r);
            if (resident.location() == null) {
                String message = "Dossier " + file(resident) + " : le domicile n'est pas placé sur la carte. "
                        + "Corrigez l'adresse ou posez le repère à la main sur la fiche de la personne, puis "
                        + "relancez la proposition.";
                problems.add(message);
                leftOut.add(new UnplannedRequestDto(
                        r.id(), resident.id(), resident.fileNumber(), Rounds.UNPLANNED_INVALID, message));
                continue;
            }
            plannable.add(r);
        }

        // the urgent ones ranked by their deadline (1: the most urgent)
        Map<String, LocalDate> deadlines = new LinkedHashMap<>();
        for (RequestDto r : plannable) {
            HomeVisits.deadline(r.urgencies(), r.courtDate(), r.receivedOn()).ifPresent(d -> deadlines.put(r.id(), d));
        }
        List<String> byDeadline = new ArrayList<>(deadlines.keySet());
        byDeadline.sort(Comparator.comparing(deadlines::get));

        List<VisitRequest> requests = new ArrayList<>();
        for (RequestDto r : plannable) {
            ResidentDto resident = residents.get(r.residentId());
            LocalDate deadline = deadlines.get(r.id());
            if (deadline != null && deadline.isBefore(firstDay)) {
                problems.add("Dossier " + file(resident) + " : l'échéance urgente du " + DAY.format(deadline)
                        + " est passée ; la visite est proposée au plus tôt.");
                deadline = firstDay;
            }
            Set<LocalDate> avoid = new HashSet<>(r.homeVisit().avoidDates());
            String usual = resident.referentId() != null && teamIds.contains(resident.referentId())
                    ? resident.referentId()
                    : lastDoneBy.get(resident.id());
            requests.add(new VisitRequest(
                    r.id(),
                    resident.id(),
                    resident.fileNumber(),
                    point(resident.location()),
                    HomeVisits.minutes(r.homeVisit()),
                    halfDays(r.homeVisit().availability()),
                    avoid,
                    deadline,
                    deadline == null ? 0 : byDeadline.indexOf(r.id()) + 1,
                    usual,
                    resident.mobilityReason() != null));
        }

        Map<String, AppointmentDto> appointments = new LinkedHashMap<>();
        List<ExistingAppointment> existing = new ArrayList<>();
        for (AppointmentDto a : week) {
            if (LocalDate.ofInstant(a.start(), PlanningService.PARIS).isBefore(firstDay)) {
                continue;
            }
            appointments.put(a.id(), a);
            ResidentDto resident = residents.get(a.residentId());
            GeoPoint where = "home_visit".equals(a.type())
                    ? resident == null ? null : point(resident.location())
                    : office; // a desk, phone or video appointment is held at the office
            existing.add(new ExistingAppointment(
                    a.id(),
                    a.counsellorId(),
                    LocalDateTime.ofInstant(a.start(), PlanningService.PARIS),
                    LocalDateTime.ofInstant(a.end(), PlanningService.PARIS),
                    where,
                    a.locked(),
                    // the planner says « Le rendez-vous du dossier D-2026-0006 … »
                    resident == null ? null : "du dossier " + file(resident)));
        }
        WeekProblem problem = new WeekProblem(monday, office, team, requests, existing);
        return new WeekInput(
                problem, s.detourFactor(), s.speedKmh(), byId, appointments, residents, s.office(), problems, leftOut);
    }

    /** A counsellor of the planner from their schedule (checked by {@link Rounds#check(CounsellorScheduleDto)}). */
    static Counsellor counsellor(CounsellorScheduleDto s) {
        Map<DayOfWeek, WorkingHours> hours = new EnumMap<>(DayOfWeek.class);
        for (WorkingDayDto d : s.days()) {
            hours.put(
                    Rounds.dayOfWeek(d.day()).orElseThrow(),
                    new WorkingHours(
                            Rounds.time(d.start()).orElseThrow(),
                            Rounds.time(d.end()).orElseThrow()));
        }
        LunchBreak lunch = s.lunchMinutes() == 0
                ? LunchBreak.none()
                : new LunchBreak(
                        Rounds.time(s.lunchEarliest()).orElseThrow(),
                        Rounds.time(s.lunchLatest()).orElseThrow(),
                        s.lunchMinutes());
        return new Counsellor(s.counsellorId(), s.displayName(), hours, lunch, new HashSet<>(s.daysOff()));
    }

    /** {@code tue_pm} → Tuesday afternoon. */
    static Set<HalfDay> halfDays(List<String> codes) {
        Set<HalfDay> all = new HashSet<>();
        for (String c : codes) {
            Optional<DayOfWeek> day = Rounds.dayOfWeek(c.substring(0, Math.min(3, c.length())));
            if (day.isPresent()) {
                all.add(c.endsWith("_am") ? HalfDay.morning(day.get()) : HalfDay.afternoon(day.get()));
            }
        }
        return all;
    }

    /** The file number the coordinator reads, or a word for a file not numbered yet. */
    static String file(ResidentDto r) {
        return r.fileNumber() == null || r.fileNumber().isBlank() ? "sans numéro" : r.fileNumber();
    }

    static GeoPoint point(GeoPointDto p) {
        return p == null ? null : new GeoPoint(p.latitude(), p.longitude());
    }
}
