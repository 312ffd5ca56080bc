package fr.mediance.app.core.office;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.document.PhotoState;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.visit.ReportLines;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.TaskDto;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One received visit report, read-only: its fields and its photos (downloaded on demand, kept encrypted). */
public final class OfficeReportViewModel {

    /** A photo of the report: {@code available} false while the server still awaits its bytes. */
    public record PhotoRow(String documentId, String typeLabel, boolean available, String stateText) {}

    private final OfficeService office;
    private final ReferenceService reference;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper dateText = new ReadOnlyStringWrapper(this, "dateText", "");
    private final ReadOnlyStringWrapper residentText = new ReadOnlyStringWrapper(this, "residentText", "");
    private final ReadOnlyStringWrapper counsellorText = new ReadOnlyStringWrapper(this, "counsellorText", "");
    private final ReadOnlyStringWrapper mediumText = new ReadOnlyStringWrapper(this, "mediumText", "");
    private final ReadOnlyStringWrapper domainsText = new ReadOnlyStringWrapper(this, "domainsText", "");
    private final ReadOnlyStringWrapper synthesisText = new ReadOnlyStringWrapper(this, "synthesisText", "");
    private final ReadOnlyStringWrapper followUpText = new ReadOnlyStringWrapper(this, "followUpText", "");
    private final ReadOnlyStringWrapper followUpDueText = new ReadOnlyStringWrapper(this, "followUpDueText", "");
    private final ReadOnlyStringWrapper photosSummary = new ReadOnlyStringWrapper(this, "photosSummary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ObservableList<PhotoRow> photos = FXCollections.observableArrayList();

    public OfficeReportViewModel(
            OfficeService office,
            ReferenceService reference,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.office = Objects.requireNonNull(office);
        this.reference = Objects.requireNonNull(reference);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
    }

    /** Loads a report from the local store. Completes on the FX executor; false if unknown. */
    public CompletableFuture<Boolean> load(String reportId) {
        record Loaded(Optional<ReportDetail> detail, String medium, List<PhotoRow> rows, Optional<Full> full) {}
        return work.supply(
                        "loading a received report",
                        () -> {
                            Optional<ReportDetail> detail = office.open(reportId);
                            String medium = detail.map(d -> d.report().medium())
                                    .map(m -> reference.label(CodeLists.MEDIUM, m))
                                    .orElse("");
                            List<PhotoRow> rows = detail.map(d ->
                                            d.photos().stream().map(this::row).toList())
                                    .orElse(List.of());
                            return new Loaded(detail, medium, rows, detail.map(this::full));
                        },
                        l -> {
                            if (l.detail().isEmpty()) {
                                error.set(text("office.report.not.found"));
                                return;
                            }
                            show(l.detail().get(), l.medium(), l.rows());
                            showFull(l.full().get());
                        },
                        e -> error.set(text("common.load.failed")))
                .thenApply(l -> l.detail().isPresent())
                .exceptionally(e -> false);
    }

    private void show(ReportDetail d, String medium, List<PhotoRow> rows) {
        ReceivedReport s = d.summary();
        VisitReport r = d.report();
        String none = text("office.report.none");
        title.set(
                s.residentName() == null || s.residentName().isBlank()
                        ? text("office.report.title")
                        : s.residentName());
        dateText.set(
                s.completedAt() == null
                        ? none
                        : Texts.dateTime(texts).format(s.completedAt().atZone(zone)));
        residentText.set(
                d.resident() == null
                        ? orNone(s.residentName())
                        : d.resident().displayName() + " — " + d.resident().addressLine());
        counsellorText.set(orNone(s.counsellorName()));
        mediumText.set(orNone(medium));
        domainsText.set(s.domainLabels().isEmpty() ? none : String.join(", ", s.domainLabels()));
        synthesisText.set(orNone(r.synthesis()));
        followUpText.set(orNone(r.followUp()));
        followUpDueText.set(r.followUpDue() == null ? none : Texts.date(texts).format(r.followUpDue()));
        photosSummary.set(
                s.photosAwaited() > 0
                        ? OfficeReportsViewModel.awaitedText(texts, s.photosAwaited(), s.photoCount())
                        : s.photoCount() == 0
                                ? text("office.report.photos.none")
                                : OfficeReportsViewModel.photosText(texts, s.photoCount()));
        photos.setAll(rows);
        loaded.set(true);
    }

    private PhotoRow row(PhotoItem p) {
        boolean available = p.state() != PhotoState.AWAITED;
        String label = p.type() == null ? "" : reference.label(CodeLists.DOCUMENT_TYPE, p.type());
        return new PhotoRow(p.id(), label, available, available ? "" : text("office.report.photo.awaited"));
    }

    /**
     * The bytes of a photo: from the encrypted cache or downloaded now. Completes on the FX executor with
     * the bytes or a French message.
     */
    public CompletableFuture<Outcome<byte[]>> photo(String documentId) {
        CompletableFuture<Outcome<byte[]>> result = new CompletableFuture<>();
        work.supply(
                "reading a photo of a received report",
                () -> office.photo(documentId),
                result::complete,
                e -> result.complete(Outcome.failed(text("office.report.photo.failed"))));
        return result;
    }

    private String orNone(String s) {
        return s == null || s.isBlank() ? text("office.report.none") : s;
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0
                ? pattern
                : new MessageFormat(pattern, Texts.locale(texts))
                        .format(args); // keys with arguments use '' for an apostrophe
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dateTextProperty() {
        return dateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty residentTextProperty() {
        return residentText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty counsellorTextProperty() {
        return counsellorText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mediumTextProperty() {
        return mediumText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty domainsTextProperty() {
        return domainsText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty synthesisTextProperty() {
        return synthesisText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty followUpTextProperty() {
        return followUpText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty followUpDueTextProperty() {
        return followUpDueText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty photosSummaryProperty() {
        return photosSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ObservableList<PhotoRow> photos() {
        return photos;
    }

    // ----- the full report

    /** An action or an orientation: its title and its detail lines. */
    public record Entry(String title, List<String> details) {
        public Entry {
            details = List.copyOf(details);
        }
    }

    /** Everything of the full report in French, computed on the background executor. */
    private record Full(
            String place,
            String duration,
            String persons,
            String motifs,
            List<String> energy,
            List<Entry> actions,
            List<Entry> orientations,
            List<String> tasks,
            String signature,
            String supersedes) {}

    private final ReadOnlyStringWrapper placeText = new ReadOnlyStringWrapper(this, "placeText", "");
    private final ReadOnlyStringWrapper durationText = new ReadOnlyStringWrapper(this, "durationText", "");
    private final ReadOnlyStringWrapper personsText = new ReadOnlyStringWrapper(this, "personsText", "");
    private final ReadOnlyStringWrapper motifsText = new ReadOnlyStringWrapper(this, "motifsText", "");
    private final ReadOnlyStringWrapper signatureText = new ReadOnlyStringWrapper(this, "signatureText", "");
    private final ReadOnlyStringWrapper supersedesText = new ReadOnlyStringWrapper(this, "supersedesText", "");
    private final ObservableList<String> energyLines = FXCollections.observableArrayList();
    private final ObservableList<Entry> actions = FXCollections.observableArrayList();
    private final ObservableList<Entry> orientations = FXCollections.observableArrayList();
    private final ObservableList<String> tasks = FXCollections.observableArrayList();

    private Full full(ReportDetail d) {
        VisitReport r = d.report();
        ReportLines[] self = new ReportLines[1];
        ReportLines lines = new ReportLines(
                reference::label,
                this::text,
                id -> office.mandate(id).map(m -> self[0].mandate(m)).orElse(null));
        self[0] = lines;
        String none = text("office.report.none");
        List<Entry> a = r.actions().stream()
                .map(x -> new Entry(lines.actionTitle(x), lines.actionDetails(x)))
                .toList();
        List<Entry> o = r.orientations().stream()
                .map(x -> new Entry(lines.orientationTitle(x), lines.orientationDetails(x)))
                .toList();
        List<String> t = d.tasks().stream()
                .map(x -> switch (x.status() == null ? "" : x.status()) {
                    case TaskDto.DONE -> text("office.report.task.done", x.title());
                    case TaskDto.CANCELLED -> text("office.report.task.cancelled", x.title());
                    default ->
                        text(
                                "office.report.task.line",
                                x.title(),
                                x.dueDate() == null ? none : Texts.date(texts).format(x.dueDate()));
                })
                .toList();
        String signature = r.residentSignatureDocumentId() != null
                ? text("office.report.signed")
                : r.visitAttested() ? text("office.report.attested") : text("office.report.unsigned");
        return new Full(
                orNone(r.place()),
                r.durationMinutes() == null ? none : text("office.report.duration.value", r.durationMinutes()),
                r.personsPresent().isEmpty() ? none : lines.labels(ListNames.PERSON_PRESENT, r.personsPresent()),
                r.motifs().isEmpty() ? none : lines.labels(ListNames.MOTIF, r.motifs()),
                lines.energy(r.energy()),
                a,
                o,
                t,
                signature,
                r.supersedes() == null ? "" : text("office.report.supersedes"));
    }

    private void showFull(Full f) {
        placeText.set(f.place());
        durationText.set(f.duration());
        personsText.set(f.persons());
        motifsText.set(f.motifs());
        energyLines.setAll(f.energy());
        actions.setAll(f.actions());
        orientations.setAll(f.orientations());
        tasks.setAll(f.tasks());
        signatureText.set(f.signature());
        supersedesText.set(f.supersedes());
    }

    public ReadOnlyStringProperty placeTextProperty() {
        return placeText.getReadOnlyProperty();
    }

    /** "45 min". */
    public ReadOnlyStringProperty durationTextProperty() {
        return durationText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty personsTextProperty() {
        return personsText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty motifsTextProperty() {
        return motifsText.getReadOnlyProperty();
    }

    /** Signed by the resident, attested by the counsellor, or neither. */
    public ReadOnlyStringProperty signatureTextProperty() {
        return signatureText.getReadOnlyProperty();
    }

    /** Said when this version corrects an earlier report; else empty. */
    public ReadOnlyStringProperty supersedesTextProperty() {
        return supersedesText.getReadOnlyProperty();
    }

    /** The energy block of a home visit, line by line (empty when there is none). */
    public ObservableList<String> energyLines() {
        return energyLines;
    }

    public ObservableList<Entry> actions() {
        return actions;
    }

    public ObservableList<Entry> orientations() {
        return orientations;
    }

    /** The follow-up tasks the report created, with their due dates or their state. */
    public ObservableList<String> tasks() {
        return tasks;
    }
}
