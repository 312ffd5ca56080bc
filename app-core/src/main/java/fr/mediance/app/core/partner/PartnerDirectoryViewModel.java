package fr.mediance.app.core.partner;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.PartnerServiceDto;
import fr.mediance.protocol.Partners;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * « Annuaire »: the partner directory, searched offline as the user types (name, code, type, service names, cities;
 * accents and case ignored), and a partner's card: its type, what it can be the creditor of, its website and each
 * service with its address, phone (as a {@code tel:} link), e-mail, hours and the documents it requires, labelled from
 * the document types. The office, the coordination and the admin also see the inactive partners and may edit.
 */
public final class PartnerDirectoryViewModel {

    /** One result of the search. */
    public record Row(String id, String name, String detail, boolean active) {}

    /** A service as the card shows it: every text ready, empty when absent. */
    public record ServiceCard(
            String name,
            String address,
            String phone,
            String telLink,
            String email,
            String mailLink,
            String hours,
            List<String> documents,
            String note) {}

    /** A partner's card. */
    public record Card(
            String id,
            String name,
            String type,
            String categories,
            String website,
            boolean active,
            List<ServiceCard> services) {}

    private final PartnerService partners;
    private final ReferenceService reference;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final Runnable removeListener;
    private Consumer<String> onEdit = id -> {};

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Row> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(this, "emptyMessage", "");
    private final ReadOnlyObjectWrapper<Card> card = new ReadOnlyObjectWrapper<>(this, "card");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable");
    private int generation;

    public PartnerDirectoryViewModel(
            PartnerService partners,
            ReferenceService reference,
            SyncService sync,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.partners = Objects.requireNonNull(partners);
        this.reference = Objects.requireNonNull(reference);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        editable.set(partners.canEdit());
        query.addListener((o, a, b) -> refresh());
        removeListener = sync == null
                ? () -> {}
                : sync.addDataListener(changed -> {
                    if (changed.contains(EntityType.PARTNER)) {
                        work.onFx(this::reload);
                    }
                });
    }

    /** Called with the id of the partner to edit (null: a new one). */
    public void setOnEdit(Consumer<String> onEdit) {
        this.onEdit = Objects.requireNonNull(onEdit);
    }

    /** Searches with the typed text now (first display, each keystroke, coming back to the screen). */
    public CompletableFuture<Void> refresh() {
        int gen = ++generation;
        String text = query.get() == null ? "" : query.get().strip();
        boolean withInactive = editable.get();
        return work.supply(
                        "searching the partner directory",
                        () -> partners.search(text, withInactive).stream()
                                .map(this::row)
                                .toList(),
                        rows -> {
                            if (gen != generation) {
                                return;
                            }
                            results.setAll(rows);
                            emptyMessage.set(
                                    !rows.isEmpty()
                                            ? ""
                                            : text.isEmpty()
                                                    ? texts.getString("partner.search.none.yet")
                                                    : Texts.format(texts, "partner.search.none", text));
                        },
                        e -> emptyMessage.set(texts.getString("common.load.failed")))
                .<Void>thenApply(x -> null)
                .exceptionally(e -> null);
    }

    private void reload() {
        refresh();
        Card shown = card.get();
        if (shown != null) {
            open(shown.id());
        }
    }

    private Row row(PartnerDto p) {
        List<String> parts = new ArrayList<>();
        parts.add(typeLabel(p.type()));
        p.services().stream()
                .map(PartnerServiceDto::city)
                .filter(c -> c != null && !c.isBlank())
                .findFirst()
                .ifPresent(parts::add);
        if (!p.active()) {
            parts.add(texts.getString("partner.inactive"));
        }
        return new Row(p.id(), p.name(), String.join(" · ", parts), p.active());
    }

    /** Shows a partner's card. */
    public CompletableFuture<Void> open(String partnerId) {
        return work.supply(
                        "opening a partner's card",
                        () -> partners.partner(partnerId).map(this::card),
                        c -> card.set(c.orElse(null)),
                        e -> emptyMessage.set(texts.getString("common.load.failed")))
                .<Void>thenApply(x -> null)
                .exceptionally(e -> null);
    }

    /** Back from the card to the results. */
    public void close() {
        card.set(null);
    }

    /** Opens the form on the shown partner (office, coordination, admin). */
    public void edit() {
        if (editable.get() && card.get() != null) {
            onEdit.accept(card.get().id());
        }
    }

    /** Opens the form on a new partner (office, coordination, admin). */
    public void create() {
        if (editable.get()) {
            onEdit.accept(null);
        }
    }

    private Card card(PartnerDto p) {
        List<ServiceCard> services = new ArrayList<>();
        for (PartnerServiceDto s : p.services()) {
            String address =
                    String.join(", ", nonBlank(s.address(), String.join(" ", nonBlank(s.postcode(), s.city()))));
            services.add(new ServiceCard(
                    s.name(),
                    address,
                    orEmpty(s.phone()),
                    s.phone() == null || s.phone().isBlank() ? "" : "tel:" + Partners.dial(s.phone()),
                    orEmpty(s.email()),
                    s.email() == null || s.email().isBlank()
                            ? ""
                            : "mailto:" + s.email().strip(),
                    orEmpty(s.hours()),
                    s.documents().stream()
                            .map(d -> reference.label(ListNames.DOCUMENT_TYPE, d))
                            .toList(),
                    orEmpty(s.note())));
        }
        String categories = p.categories().isEmpty()
                ? texts.getString("partner.card.notCreditor")
                : Texts.format(
                        texts,
                        "partner.card.creditorOf",
                        String.join(
                                ", ",
                                p.categories().stream()
                                        .map(c -> reference.label(ListNames.CREDITOR_CATEGORY, c))
                                        .toList()));
        return new Card(p.id(), p.name(), typeLabel(p.type()), categories, orEmpty(p.website()), p.active(), services);
    }

    private String typeLabel(String type) {
        Optional<String> label = reference.code(ListNames.PARTNER_TYPE, type).map(c -> c.labelOrCode());
        return label.orElseGet(() -> Partners.TYPES.getOrDefault(type, type == null ? "" : type));
    }

    private static List<String> nonBlank(String... parts) {
        List<String> out = new ArrayList<>();
        for (String s : parts) {
            if (s != null && !s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Stops following the sync. */
    public void dispose() {
        removeListener.run();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Row> results() {
        return results;
    }

    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Card> cardProperty() {
        return card.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }
}
