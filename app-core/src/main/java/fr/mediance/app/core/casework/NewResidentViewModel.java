package fr.mediance.app.core.casework;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.resident.ResidentService;
import fr.mediance.app.core.visit.FrenchInput;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Nouveau dossier": a new resident's file typed on the tablet, offline. Before creating, the residents on the
 * device with the same names and birth date are shown as possible duplicates ({@link #duplicates}); creating then
 * needs a second, explicit "Créer quand même" ({@link #confirmNeededProperty}). A counsellor's new resident names
 * her as referent, so that she follows them. The file opens once created ({@code onOpen}).
 */
public final class NewResidentViewModel {
    private final ResidentService residents;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<String> onOpen = id -> {};
    private Consumer<String> onMessage = m -> {};

    private final StringProperty civility = new SimpleStringProperty(this, "civility", null);
    private final StringProperty lastName = new SimpleStringProperty(this, "lastName", "");
    private final StringProperty firstName = new SimpleStringProperty(this, "firstName", "");
    private final StringProperty birthDate = new SimpleStringProperty(this, "birthDate", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final StringProperty street = new SimpleStringProperty(this, "street", "");
    private final StringProperty postcode = new SimpleStringProperty(this, "postcode", "");
    private final StringProperty city = new SimpleStringProperty(this, "city", "");
    private final ObservableList<String> duplicates = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper confirmNeeded = new ReadOnlyBooleanWrapper(this, "confirmNeeded", false);
    private final Map<String, ReadOnlyStringWrapper> errors = new HashMap<>();

    public NewResidentViewModel(ResidentService residents, ResourceBundle texts, Executor background, Executor fx) {
        this.residents = Objects.requireNonNull(residents);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        lastName.addListener((o, a, b) -> confirmNeeded.set(false));
        firstName.addListener((o, a, b) -> confirmNeeded.set(false));
        birthDate.addListener((o, a, b) -> confirmNeeded.set(false));
    }

    public void setOnOpen(Consumer<String> onOpen) {
        this.onOpen = Objects.requireNonNull(onOpen);
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** Whether this account may create a resident (the screen is offered only then). */
    public boolean mayCreate() {
        return residents.mayCreate();
    }

    /** Looks for possible duplicates of the names and birth date typed (when the name fields lose the focus). */
    public CompletableFuture<Void> checkDuplicates() {
        String last = lastName.get();
        String first = firstName.get();
        LocalDate born = FrenchInput.date(birthDate.get()).orElse(null);
        return work.supply(
                        "looking for possible duplicates",
                        () -> residents.possibleDuplicates(last, first, born),
                        this::showDuplicates,
                        e -> onMessage.accept(text("casework.load.failed")))
                .<Void>thenApply(x -> null)
                .exceptionally(e -> null);
    }

    private void showDuplicates(List<Resident> list) {
        List<String> out = new ArrayList<>();
        for (Resident r : list) {
            String born = r.birthDate() == null ? "" : " · " + FrenchInput.format(r.birthDate());
            String file = r.fileNumber() == null ? "" : " · " + r.fileNumber();
            out.add(r.displayName() + born + file);
        }
        duplicates.setAll(out);
    }

    /**
     * Creates the file. With possible duplicates on the device, the first press only asks for confirmation; the
     * second creates. Completes with whether the file was created.
     */
    public CompletableFuture<Boolean> create() {
        errors.values().forEach(e -> e.set(""));
        LocalDate born = null;
        if (!FrenchInput.blank(birthDate.get())) {
            born = FrenchInput.date(birthDate.get()).orElse(null);
            if (born == null) {
                error("birthDate").set(text("casework.error.date"));
                return CompletableFuture.completedFuture(false);
            }
        }
        ResidentForm form = new ResidentForm(
                civility.get(),
                lastName.get(),
                firstName.get(),
                born,
                phone.get(),
                street.get(),
                postcode.get(),
                city.get(),
                null,
                null,
                null);
        boolean confirmed = confirmNeeded.get();
        LocalDate bornOn = born;
        record Result(List<Resident> duplicates, Outcome<Resident> created) {}
        return work.supply(
                        "creating a resident's file",
                        () -> {
                            if (!confirmed) {
                                List<Resident> d =
                                        residents.possibleDuplicates(form.lastName(), form.firstName(), bornOn);
                                if (!d.isEmpty()) {
                                    return new Result(d, null);
                                }
                            }
                            return new Result(List.of(), residents.create(form));
                        },
                        r -> {
                            if (r.created() == null) {
                                showDuplicates(r.duplicates());
                                confirmNeeded.set(true);
                            } else if (r.created().isOk()) {
                                confirmNeeded.set(false);
                                onOpen.accept(r.created().value().id());
                            } else if (r.created().fieldErrors().isEmpty()) {
                                onMessage.accept(r.created().message());
                            } else {
                                r.created().fieldErrors().forEach((f, m) -> error(f).set(m));
                            }
                        },
                        e -> onMessage.accept(text("casework.save.failed")))
                .thenApply(r -> r.created() != null && r.created().isOk())
                .exceptionally(e -> false);
    }

    /** The error beside a field (lastName, firstName, birthDate, phone, street, postcode, city), "" if none. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return error(field).getReadOnlyProperty();
    }

    private ReadOnlyStringWrapper error(String field) {
        return errors.computeIfAbsent(field, f -> new ReadOnlyStringWrapper(this, f + "Error", ""));
    }

    /** Possible duplicates on this device: "Bénali Fatima · 09/03/1948 · D-001". */
    public ObservableList<String> duplicates() {
        return duplicates;
    }

    /** Duplicates were found: the next "Créer" creates anyway. */
    public ReadOnlyBooleanProperty confirmNeededProperty() {
        return confirmNeeded.getReadOnlyProperty();
    }

    public StringProperty civilityProperty() {
        return civility;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty birthDateProperty() {
        return birthDate;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty streetProperty() {
        return street;
    }

    public StringProperty postcodeProperty() {
        return postcode;
    }

    public StringProperty cityProperty() {
        return city;
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Texts.locale(texts)).format(args);
    }
}
