package fr.mediance.app.core.visit;

import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The contact of a visit report: the medium, where and how long, who was there, the domains and motifs addressed
 * and the synthesis. Motifs offered are those of the chosen domains.
 */
public final class ContactViewModel implements ReportPart {

    private final VisitSession session;
    private final ObjectProperty<String> medium = new SimpleObjectProperty<>(this, "medium");
    private final StringProperty place = new SimpleStringProperty(this, "place", "");
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "");
    private final ObservableList<String> personsPresent = FXCollections.observableArrayList();
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final ObservableList<String> motifs = FXCollections.observableArrayList();
    private final StringProperty synthesis = new SimpleStringProperty(this, "synthesis", "");
    private final ObservableList<CodeItem> motifOptions = FXCollections.observableArrayList();
    private List<CodeItem> allMotifs = List.of();
    private final ErrorLines errors =
            new ErrorLines("medium", "place", "duration", "personsPresent", "domains", "motifs", "synthesis");
    // read-only views handed to the screen (kept: a view made per call would lose its listeners)
    private final ObservableList<String> personsPresentView = FXCollections.unmodifiableObservableList(personsPresent);
    private final ObservableList<String> domainsView = FXCollections.unmodifiableObservableList(domains);
    private final ObservableList<String> motifsView = FXCollections.unmodifiableObservableList(motifs);

    ContactViewModel(VisitSession session) {
        this.session = session;
        domains.addListener((ListChangeListener<String>) c -> filterMotifs());
        session.autosave(medium, place, duration, personsPresent, domains, motifs, synthesis);
    }

    @Override
    public void show(VisitReport r) {
        medium.set(r.medium());
        domains.setAll(r.domains());
        synthesis.set(VisitSession.nullToEmpty(r.synthesis()));
        place.set(VisitSession.nullToEmpty(r.place()));
        duration.set(r.durationMinutes() == null ? "" : r.durationMinutes().toString());
        personsPresent.setAll(r.personsPresent());
        motifs.setAll(r.motifs());
        filterMotifs();
    }

    /** The motifs of every domain (each names its domain as parent), read with the other code lists. */
    void setAllMotifs(List<CodeItem> all) {
        allMotifs = List.copyOf(all);
    }

    @Override
    public VisitReport into(VisitReport d) {
        Integer minutes = VisitSession.blank(duration.get())
                ? null
                : FrenchInput.wholeNumber(duration.get(), Limits.MIN_CONTACT_MINUTES, Limits.MAX_CONTACT_MINUTES)
                        .orElse(d.durationMinutes());
        return d.withMedium(medium.get())
                .withDomains(List.copyOf(domains))
                .withSynthesis(synthesis.get())
                .withPlace(VisitSession.blank(place.get()) ? null : place.get())
                .withDurationMinutes(minutes)
                .withPersonsPresent(List.copyOf(personsPresent))
                .withMotifs(List.copyOf(motifs));
    }

    @Override
    public void checkInput() {
        errors.set(
                "synthesis",
                session.tooLong(synthesis.get(), Limits.MAX_LONG_TEXT).orElse(requiredIfTried("synthesis")));
        errors.set(
                "domains",
                domains.size() > Limits.MAX_LIST_ITEMS
                        ? session.text("visit.error.domains.too.many", Limits.MAX_LIST_ITEMS)
                        : requiredIfTried("domains"));
        errors.set("place", session.tooLong(place.get(), Limits.MAX_SHORT_TEXT).orElse(""));
        errors.set(
                "duration",
                !VisitSession.blank(duration.get())
                                && FrenchInput.wholeNumber(
                                                duration.get(), Limits.MIN_CONTACT_MINUTES, Limits.MAX_CONTACT_MINUTES)
                                        .isEmpty()
                        ? session.text(
                                "visit.error.duration.invalid", Limits.MIN_CONTACT_MINUTES, Limits.MAX_CONTACT_MINUTES)
                        : "");
    }

    @Override
    public boolean unreadable() {
        return errors.has("synthesis") && !VisitSession.blank(synthesis.get())
                || errors.has("place")
                || errors.has("duration");
    }

    @Override
    public void showRequired(Map<String, String> found) {
        errors.set("medium", found.getOrDefault("medium", ""));
        if (found.containsKey("domains")) {
            errors.set("domains", found.get("domains"));
        } else if (domains.size() <= Limits.MAX_LIST_ITEMS) {
            errors.set("domains", "");
        }
        if (found.containsKey("synthesis")) {
            errors.set("synthesis", found.get("synthesis"));
        } else if (session.tooLong(synthesis.get(), Limits.MAX_LONG_TEXT).isEmpty()) {
            errors.set("synthesis", "");
        }
        errors.set("personsPresent", found.getOrDefault("personsPresent", ""));
        errors.set("motifs", found.getOrDefault("motifs", ""));
        for (String f : new String[] {"place", "duration"}) {
            if (found.containsKey(f)) {
                errors.set(f, found.get(f));
            }
        }
    }

    private String requiredIfTried(String field) {
        if (!session.completionTried || session.report == null) {
            return "";
        }
        return switch (field) {
            case "synthesis" ->
                VisitSession.blank(synthesis.get()) ? session.text("visit.error.synthesis.required") : "";
            case "domains" -> domains.isEmpty() ? session.text("visit.error.domains.required") : "";
            default -> "";
        };
    }

    /** Motifs offered are those of the chosen domains; a motif of a domain no longer chosen is dropped. */
    private void filterMotifs() {
        motifOptions.setAll(allMotifs.stream()
                .filter(m -> m.parent() != null && domains.contains(m.parent()))
                .toList());
        if (session.frozen.get() || session.loading) {
            return;
        }
        motifs.removeIf(code -> allMotifs.stream()
                .anyMatch(m -> m.code().equals(code) && (m.parent() == null || !domains.contains(m.parent()))));
    }

    // ----- commands

    public boolean isDomainSelected(String code) {
        return domains.contains(code);
    }

    public void setDomainSelected(String code, boolean selected) {
        if (!session.frozen.get()) {
            VisitSession.toggle(domains, code, selected);
        }
    }

    public void setPersonPresent(String code, boolean selected) {
        if (!session.frozen.get()) {
            VisitSession.toggle(personsPresent, code, selected);
        }
    }

    public void setMotifSelected(String code, boolean selected) {
        if (!session.frozen.get()) {
            VisitSession.toggle(motifs, code, selected);
        }
    }

    // ----- properties

    public ObservableList<CodeItem> mediumOptions() {
        return session.options(CodeLists.MEDIUM);
    }

    public ObservableList<CodeItem> domainOptions() {
        return session.options(CodeLists.DOMAIN);
    }

    public ObservableList<CodeItem> personOptions() {
        return session.options(ListNames.PERSON_PRESENT);
    }

    /** Motifs of the chosen domains. */
    public ObservableList<CodeItem> motifOptions() {
        return motifOptions;
    }

    /** The medium code ("home_visit"...). */
    public ObjectProperty<String> mediumProperty() {
        return medium;
    }

    public StringProperty placeProperty() {
        return place;
    }

    /** Minutes, as typed. */
    public StringProperty durationProperty() {
        return duration;
    }

    public ObservableList<String> personsPresent() {
        return personsPresentView;
    }

    /** Codes of the domains addressed; change with {@link #setDomainSelected}. */
    public ObservableList<String> domains() {
        return domainsView;
    }

    public ObservableList<String> motifs() {
        return motifsView;
    }

    public StringProperty synthesisProperty() {
        return synthesis;
    }

    /** True once the visit is terminated: every field is read-only. */
    public ReadOnlyBooleanProperty frozenProperty() {
        return session.frozen.getReadOnlyProperty();
    }

    /** The error beside a field: medium, place, duration, personsPresent, domains, motifs, synthesis. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.property(field);
    }
}
