package fr.mediance.app.core.visit;

import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.MandateDto;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

/**
 * The actions of a visit report, typed one at a time in the {@link ActionEditor}. An action done "pour le compte
 * de la personne" names an active mandate of the resident covering its domain on its date: the mandates that may
 * are offered as the domain and date are typed, and the only one is chosen.
 */
public final class ActionsViewModel implements ReportPart {

    private final VisitSession session;
    private final MandateLookup mandates;
    private final ReferenceService reference;
    private final ActionEditor editor = new ActionEditor();
    private final ReportItems<ActionDto> actions;
    private final Map<String, String> mandateLabels = new HashMap<>();
    private final ErrorLines errors = new ErrorLines("actions");
    private final ReportLines lines;

    ActionsViewModel(VisitSession session, MandateLookup mandates, ReferenceService reference) {
        this.session = session;
        this.mandates = Objects.requireNonNull(mandates);
        this.reference = Objects.requireNonNull(reference);
        this.lines = new ReportLines(session::codeLabel, session::text, mandateLabels::get);
        this.actions = new ReportItems<>(
                session,
                ActionDto::id,
                new ReportItems.Form<>(
                        () -> editor.openProperty().get(), editor::read, editor::showErrors, editor::close));
        javafx.beans.InvalidationListener mandateInputs = x -> refreshMandates();
        editor.domain.addListener(mandateInputs);
        editor.date.addListener(mandateInputs);
        editor.onBehalf.addListener(mandateInputs);
    }

    @Override
    public void show(VisitReport r) {
        actions.show(r.actions());
    }

    @Override
    public VisitReport into(VisitReport draft) {
        return draft.withActions(actions.copy());
    }

    @Override
    public void showRequired(Map<String, String> found) {
        errors.set("actions", session.firstOf(found, "action.", "visit.error.action.item"));
    }

    /** Background: the words for the mandates the report's actions name, read when the report is opened. */
    Map<String, String> readMandateLabels(VisitReport r) {
        Map<String, String> found = new HashMap<>();
        for (ActionDto a : r.actions()) {
            if (a.mandateId() != null && a.domain() != null) {
                LocalDate day = a.date() != null ? a.date() : session.visitDay(r);
                for (MandateDto m : mandates.activeCovering(r.residentId(), a.domain(), day)) {
                    found.put(m.id(), mandateLabel(m));
                }
            }
        }
        return found;
    }

    void knowMandates(Map<String, String> labels) {
        mandateLabels.putAll(labels);
    }

    private String mandateLabel(MandateDto m) {
        return new ReportLines(reference::label, session::text, id -> null).mandate(m);
    }

    // ----- commands

    /** Opens the action form empty, dated the day of the visit. */
    public void newAction() {
        if (session.editable()) {
            editor.startNew(session.visitDay());
            refreshMandates();
        }
    }

    public void editAction(String actionId) {
        actions.toEdit(actionId).ifPresent(a -> {
            editor.startEdit(a);
            refreshMandates();
        });
    }

    public void cancelAction() {
        editor.close();
    }

    public void removeAction(String actionId) {
        actions.remove(actionId);
    }

    /** The mandates that may cover the action being typed (its domain, on its date). */
    private void refreshMandates() {
        if (session.report == null || !editor.openProperty().get()) {
            return;
        }
        String domain = editor.domain.get();
        LocalDate day = editor.typedDate().orElse(session.visitDay());
        if (!editor.onBehalf.get() || domain == null) {
            editor.mandateOptions.clear();
            return;
        }
        String residentId = session.report.residentId();
        session.work.supply(
                "finding the mandates covering an action",
                () -> mandates.activeCovering(residentId, domain, day).stream()
                        .map(m -> new ActionEditor.MandateChoice(m.id(), mandateLabel(m)))
                        .toList(),
                found -> offerMandates(domain, found),
                e -> offerMandates(domain, List.of()));
    }

    private void offerMandates(String domain, List<ActionEditor.MandateChoice> found) {
        if (!Objects.equals(domain, editor.domain.get()) || !editor.onBehalf.get()) {
            return; // changed meanwhile: a newer lookup follows
        }
        found.forEach(c -> mandateLabels.put(c.id(), c.label()));
        editor.mandateOptions.setAll(found);
        String chosen = editor.mandateId.get();
        if (found.size() == 1 && chosen == null) {
            editor.mandateId.set(found.get(0).id());
        } else if (chosen != null && found.stream().noneMatch(c -> c.id().equals(chosen))) {
            editor.mandateId.set(null);
        }
        editor.error("mandate", found.isEmpty() ? session.text("visit.error.mandate.none") : "");
    }

    /**
     * Adds (or replaces) the action typed: refused with messages beside the fields when a text cannot be read,
     * its type or domain is missing, or it is done on behalf of the resident without an active mandate covering
     * its domain on its date. The typed text stays in the form; the rest of the report is saved as usual.
     */
    public CompletableFuture<Boolean> saveAction() {
        return actions.save("checking an action of the visit report", a -> {
            String residentId = session.report.residentId();
            LocalDate day = session.visitDay();
            return () -> session.visits.validateAction(residentId, a, day);
        });
    }

    // ----- what the screen shows

    /** "Appel au créancier · Énergie". */
    public String actionTitle(ActionDto a) {
        return lines.actionTitle(a);
    }

    /**
     * What else the action says, line by line: target and date, result, amounts, reference, "Pour le compte de
     * la personne (mandat du …)", note.
     */
    public List<String> actionDetails(ActionDto a) {
        return lines.actionDetails(a);
    }

    public ObservableList<ActionDto> items() {
        return actions.view();
    }

    public ActionEditor editor() {
        return editor;
    }

    /** Active entries of a code list an action uses: action_type, action_result. */
    public ObservableList<CodeItem> options(String list) {
        return session.options(list);
    }

    public ObservableList<CodeItem> domainOptions() {
        return session.options(CodeLists.DOMAIN);
    }

    public ReadOnlyBooleanProperty frozenProperty() {
        return session.frozen.getReadOnlyProperty();
    }

    /** The first problem of the report's actions that blocks the end of the visit ("Action 2 : …"). */
    public ReadOnlyStringProperty errorProperty() {
        return errors.property("actions");
    }
}
