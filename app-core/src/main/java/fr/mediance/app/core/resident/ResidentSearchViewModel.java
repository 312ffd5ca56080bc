package fr.mediance.app.core.resident;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.protocol.EntityType;
import java.text.MessageFormat;
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
 * "Personnes": search residents offline as the user types (by name, file number, address or phone; the search
 * waits for a short pause in the typing: {@code debounce} runs its tasks after that pause), show a "no result"
 * state, and create a new person (last name required) whose file then opens: offered only to an account that
 * may create a resident ({@link #creationOfferedProperty()}), as the office checks it.
 */
public final class ResidentSearchViewModel {
    /** Most results shown. */
    public static final int LIMIT = 50;

    /** One result as the list shows it. */
    public record Row(String residentId, String name, String fileNumber, String address, String phone) {}

    private final ResidentService residents;
    private final ResidentFileService files;
    private final ResourceBundle texts;
    /** Waits for the pause in the typing (the debounce executor), then searches on the FX executor. */
    private final BackgroundWork pause;

    private final BackgroundWork work;
    private final Runnable removeListener;
    private Consumer<String> onOpen = id -> {};

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Row> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(this, "emptyMessage", "");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyBooleanWrapper creationOffered = new ReadOnlyBooleanWrapper(this, "creationOffered");
    private final StringProperty newLastName = new SimpleStringProperty(this, "newLastName", "");
    private final StringProperty newFirstName = new SimpleStringProperty(this, "newFirstName", "");
    private final ReadOnlyStringWrapper newLastNameError = new ReadOnlyStringWrapper(this, "newLastNameError", "");
    private final ReadOnlyStringWrapper newFirstNameError = new ReadOnlyStringWrapper(this, "newFirstNameError", "");
    private int generation;

    public ResidentSearchViewModel(
            ResidentService residents,
            ResidentFileService files,
            SyncService sync,
            ResourceBundle texts,
            Executor debounce,
            Executor background,
            Executor fx) {
        this.residents = Objects.requireNonNull(residents);
        this.files = Objects.requireNonNull(files);
        this.texts = Objects.requireNonNull(texts);
        this.pause = new BackgroundWork(debounce, fx);
        this.work = new BackgroundWork(background, fx);
        creationOffered.set(residents.mayCreate());
        query.addListener((o, a, b) -> scheduleSearch());
        newLastName.addListener((o, a, b) -> newLastNameError.set(""));
        newFirstName.addListener(
                (o, a, b) -> newFirstNameError.set(Objects.requireNonNullElse(ResidentValidation.shortText(b), "")));
        removeListener = sync == null
                ? () -> {}
                : sync.addDataListener(changed -> {
                    if (changed.contains(EntityType.RESIDENT)) {
                        work.onFx(this::scheduleSearch);
                    }
                });
    }

    /** Called with the id of the resident to open (a tapped result, a person just created). */
    public void setOnOpen(Consumer<String> onOpen) {
        this.onOpen = Objects.requireNonNull(onOpen);
    }

    /** Searches now (first display, coming back to the screen). */
    public void refresh() {
        search(++generation);
    }

    private void scheduleSearch() {
        int gen = ++generation;
        searching.set(true);
        pause.run(
                "waiting for a pause in the typing",
                () -> {},
                () -> {
                    if (gen == generation) {
                        search(gen); // only the last keystroke's pause searches
                    }
                },
                e -> {});
    }

    private void search(int gen) {
        String text = query.get() == null ? "" : query.get().strip();
        searching.set(true);
        work.supply(
                "searching residents",
                () -> residents.search(text, LIMIT).stream()
                        .map(r -> new Row(
                                r.id(),
                                r.displayName(),
                                r.fileNumber() == null ? "" : r.fileNumber(),
                                r.addressLine(),
                                r.phone() == null ? "" : r.phone()))
                        .toList(),
                rows -> {
                    if (gen != generation) {
                        return;
                    }
                    searching.set(false);
                    results.setAll(rows);
                    emptyMessage.set(
                            !rows.isEmpty()
                                    ? ""
                                    : text.isEmpty()
                                            ? text("resident.search.none.yet")
                                            : text("resident.search.none", text));
                },
                e -> {
                    if (gen == generation) {
                        searching.set(false);
                        emptyMessage.set(text("common.load.failed"));
                    }
                });
    }

    public void open(String residentId) {
        onOpen.accept(residentId);
    }

    /**
     * Creates the person typed in the "Nouvelle personne" form; their file opens. Errors show beside the fields;
     * an account that may not create a person gets the office's refusal beside the last name.
     */
    public CompletableFuture<Boolean> createPerson() {
        String last = newLastName.get();
        String first = newFirstName.get();
        String lastError = ResidentValidation.lastName(last);
        String firstError = ResidentValidation.shortText(first);
        newLastNameError.set(Objects.requireNonNullElse(lastError, ""));
        newFirstNameError.set(Objects.requireNonNullElse(firstError, ""));
        if (lastError != null || firstError != null) {
            return CompletableFuture.completedFuture(false);
        }
        return work.supply(
                        "creating a person",
                        () -> files.createPerson(last, first),
                        o -> {
                            if (o.isOk()) {
                                newLastName.set("");
                                newFirstName.set("");
                                onOpen.accept(o.value().id());
                            } else {
                                newLastNameError.set(o.fieldErrors().getOrDefault("lastName", o.message()));
                                newFirstNameError.set(o.fieldErrors().getOrDefault("firstName", ""));
                            }
                        },
                        e -> newLastNameError.set(text("resident.create.failed")))
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    /** Prefills the new person's last name with what was searched (when it looks like a name). */
    public void prefillNewPerson() {
        String q = query.get() == null ? "" : query.get().strip();
        if (newLastName.get().isBlank() && !q.isEmpty() && q.chars().noneMatch(Character::isDigit)) {
            newLastName.set(q);
        }
    }

    public void dispose() {
        removeListener.run();
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Texts.locale(texts)).format(args);
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

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** Whether "Nouvelle personne" is offered: only to an account that may create a resident. */
    public ReadOnlyBooleanProperty creationOfferedProperty() {
        return creationOffered.getReadOnlyProperty();
    }

    public StringProperty newLastNameProperty() {
        return newLastName;
    }

    public StringProperty newFirstNameProperty() {
        return newFirstName;
    }

    public ReadOnlyStringProperty newLastNameErrorProperty() {
        return newLastNameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty newFirstNameErrorProperty() {
        return newFirstNameError.getReadOnlyProperty();
    }
}
