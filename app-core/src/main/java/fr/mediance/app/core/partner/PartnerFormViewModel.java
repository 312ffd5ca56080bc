package fr.mediance.app.core.partner;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.FieldErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.PartnerServiceDto;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The office's form of a partner of the directory (office, coordination, admin): its code (fixed once saved), type,
 * name, website, the creditor categories it can be the creditor of, and its services, each with its address, phone,
 * e-mail, hours, the documents it requires and a note. Saved as typed with the checks the server makes; a problem
 * shows beside its field (a service's beside the service's field) and the typed text stays. « Désactiver » keeps the
 * partner for the records that name it but no longer offers it.
 */
public final class PartnerFormViewModel {
    /** The partner's fields, the keys of {@link #error}. */
    public static final List<String> FIELDS = List.of("id", "type", "name", "website", "categories", "services");

    private static final Pattern SERVICE_FIELD = Pattern.compile("services\\[(\\d+)]\\.(\\w+)");

    /** One service as the form edits it. */
    public static final class ServiceForm {
        /** The service's fields, the keys of {@link #error}. */
        public static final List<String> FIELDS =
                List.of("name", "address", "postcode", "city", "phone", "email", "hours", "documents", "note");

        private final String id;
        private final StringProperty name = new SimpleStringProperty(this, "name", "");
        private final StringProperty address = new SimpleStringProperty(this, "address", "");
        private final StringProperty postcode = new SimpleStringProperty(this, "postcode", "");
        private final StringProperty city = new SimpleStringProperty(this, "city", "");
        private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
        private final StringProperty email = new SimpleStringProperty(this, "email", "");
        private final StringProperty hours = new SimpleStringProperty(this, "hours", "");
        private final StringProperty note = new SimpleStringProperty(this, "note", "");
        private final ObservableList<String> documents = FXCollections.observableArrayList();
        private final FieldErrors errors = new FieldErrors(FIELDS.toArray(String[]::new));

        ServiceForm(PartnerServiceDto s) {
            this.id = s == null ? UUID.randomUUID().toString() : s.id();
            if (s != null) {
                name.set(orEmpty(s.name()));
                address.set(orEmpty(s.address()));
                postcode.set(orEmpty(s.postcode()));
                city.set(orEmpty(s.city()));
                phone.set(orEmpty(s.phone()));
                email.set(orEmpty(s.email()));
                hours.set(orEmpty(s.hours()));
                note.set(orEmpty(s.note()));
                documents.setAll(s.documents());
            }
        }

        PartnerServiceDto toDto() {
            return new PartnerServiceDto(
                    id,
                    name.get(),
                    address.get(),
                    postcode.get(),
                    city.get(),
                    phone.get(),
                    email.get(),
                    hours.get(),
                    List.copyOf(documents),
                    note.get());
        }

        /** Adds or removes a required document type. */
        public void toggleDocument(String code, boolean required) {
            if (required && !documents.contains(code)) {
                documents.add(code);
            } else if (!required) {
                documents.remove(code);
            }
        }

        public StringProperty nameProperty() {
            return name;
        }

        public StringProperty addressProperty() {
            return address;
        }

        public StringProperty postcodeProperty() {
            return postcode;
        }

        public StringProperty cityProperty() {
            return city;
        }

        public StringProperty phoneProperty() {
            return phone;
        }

        public StringProperty emailProperty() {
            return email;
        }

        public StringProperty hoursProperty() {
            return hours;
        }

        public StringProperty noteProperty() {
            return note;
        }

        public ObservableList<String> documents() {
            return documents;
        }

        public ReadOnlyStringProperty error(String field) {
            return errors.property(field);
        }
    }

    private record Loaded(
            PartnerDto partner, List<CodeItem> types, List<CodeItem> categories, List<CodeItem> documents) {}

    private final PartnerService partners;
    private final ReferenceService reference;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<String> onMessage = m -> {};
    private Consumer<PartnerDto> onSaved = p -> {};

    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final ObjectProperty<String> type = new SimpleObjectProperty<>(this, "type");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty website = new SimpleStringProperty(this, "website", "");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ObservableList<ServiceForm> services = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> typeChoices = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> categoryChoices = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> documentChoices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(this, "creating", true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final FieldErrors errors = new FieldErrors(FIELDS.toArray(String[]::new));

    public PartnerFormViewModel(
            PartnerService partners,
            ReferenceService reference,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.partners = Objects.requireNonNull(partners);
        this.reference = Objects.requireNonNull(reference);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** Called on the FX executor after each save, with the saved partner. */
    public void setOnSaved(Consumer<PartnerDto> onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    /** Opens a partner ({@code partnerId}) or a new one (null), with the lists its fields choose from. */
    public CompletableFuture<Void> load(String partnerId) {
        return work.supply(
                        "loading a partner of the directory",
                        () -> new Loaded(
                                partnerId == null
                                        ? null
                                        : partners.partner(partnerId).orElse(null),
                                reference.codes(ListNames.PARTNER_TYPE),
                                reference.codes(ListNames.CREDITOR_CATEGORY),
                                reference.codes(ListNames.DOCUMENT_TYPE)),
                        this::show,
                        e -> formError.set(texts.getString("common.load.failed")))
                .<Void>thenApply(x -> null)
                .exceptionally(e -> null);
    }

    private void show(Loaded l) {
        typeChoices.setAll(l.types());
        categoryChoices.setAll(l.categories());
        documentChoices.setAll(l.documents());
        errors.clear();
        formError.set("");
        PartnerDto p = l.partner();
        creating.set(p == null);
        id.set(p == null ? "" : p.id());
        type.set(p == null ? null : p.type());
        name.set(p == null ? "" : p.name());
        website.set(p == null ? "" : orEmpty(p.website()));
        active.set(p == null || p.active());
        categories.setAll(p == null ? List.of() : p.categories());
        services.setAll(
                p == null
                        ? List.of(new ServiceForm(null))
                        : p.services().stream().map(ServiceForm::new).toList());
    }

    /** Adds an empty service at the end. */
    public ServiceForm addService() {
        ServiceForm s = new ServiceForm(null);
        services.add(s);
        return s;
    }

    public void removeService(ServiceForm s) {
        services.remove(s);
    }

    /** Adds or removes a creditor category. */
    public void toggleCategory(String code, boolean chosen) {
        if (chosen && !categories.contains(code)) {
            categories.add(code);
        } else if (!chosen) {
            categories.remove(code);
        }
    }

    /** Saves the partner as typed. Completes with true when saved. */
    public CompletableFuture<Boolean> save() {
        return save(active.get());
    }

    /** Saves the partner as typed, inactive: kept for the records that name it, no longer offered. */
    public CompletableFuture<Boolean> deactivate() {
        return save(false);
    }

    private CompletableFuture<Boolean> save(boolean activeAfter) {
        errors.clear();
        services.forEach(s -> s.errors.clear());
        formError.set("");
        PartnerDto draft = new PartnerDto(
                id.get(),
                type.get(),
                name.get(),
                List.copyOf(categories),
                services.stream().map(ServiceForm::toDto).toList(),
                website.get(),
                activeAfter);
        boolean creatingNow = creating.get();
        busy.set(true);
        return work.supply(
                        "saving a partner of the directory",
                        () -> partners.save(draft, creatingNow),
                        o -> {
                            busy.set(false);
                            if (o.isOk()) {
                                creating.set(false);
                                active.set(o.value().active());
                                onMessage.accept(texts.getString(
                                        o.value().active() ? "partner.form.saved" : "partner.form.deactivated"));
                                onSaved.accept(o.value());
                            } else {
                                showProblems(o);
                            }
                        },
                        e -> {
                            busy.set(false);
                            formError.set(texts.getString("common.save.failed"));
                        })
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    private void showProblems(Outcome<PartnerDto> o) {
        if (o.fieldErrors().isEmpty()) {
            formError.set(o.message());
            return;
        }
        for (Map.Entry<String, String> e : o.fieldErrors().entrySet()) {
            Matcher m = SERVICE_FIELD.matcher(e.getKey());
            if (m.matches() && Integer.parseInt(m.group(1)) < services.size()) {
                services.get(Integer.parseInt(m.group(1))).errors.replace(m.group(2), e.getValue());
            } else if (FIELDS.contains(e.getKey())) {
                errors.replace(e.getKey(), e.getValue());
            } else {
                formError.set(e.getValue());
            }
        }
        if (formError.get().isEmpty()) {
            formError.set(texts.getString("partner.form.error"));
        }
    }

    /** The label of a choice list's code. */
    public String label(List<CodeItem> choices, String code) {
        return choices.stream()
                .filter(c -> c.code().equals(code))
                .map(CodeItem::labelOrCode)
                .findFirst()
                .orElse(code == null ? "" : code);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public ReadOnlyStringProperty error(String field) {
        return errors.property(field);
    }

    public StringProperty idProperty() {
        return id;
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty websiteProperty() {
        return website;
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public ObservableList<ServiceForm> services() {
        return services;
    }

    public ObservableList<CodeItem> typeChoices() {
        return typeChoices;
    }

    public ObservableList<CodeItem> categoryChoices() {
        return categoryChoices;
    }

    public ObservableList<CodeItem> documentChoices() {
        return documentChoices;
    }

    /** True until the partner is saved once: its code may still be typed. */
    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }
}
