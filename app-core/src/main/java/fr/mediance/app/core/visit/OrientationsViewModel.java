package fr.mediance.app.core.visit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.protocol.OrientationDto;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The orientations of a visit report (towards a partner), typed one at a time in the {@link OrientationEditor}. */
public final class OrientationsViewModel implements ReportPart {

    private final VisitSession session;
    private final ObservableList<OrientationDto> orientations = FXCollections.observableArrayList();
    private final ObservableList<OrientationDto> orientationsView = FXCollections.unmodifiableObservableList(orientations);
    private final OrientationEditor editor = new OrientationEditor();
    private final ErrorLines errors = new ErrorLines("orientations");
    private final ReportLines lines;

    OrientationsViewModel(VisitSession session) {
        this.session = session;
        this.lines = new ReportLines(session::codeLabel, session::text, id -> null);
        session.autosave(orientations);
    }

    @Override
    public void show(VisitReport r) {
        orientations.setAll(r.orientations());
        editor.close();
    }

    @Override
    public VisitReport into(VisitReport draft) {
        return draft.withOrientations(List.copyOf(orientations));
    }

    @Override
    public void showRequired(Map<String, String> found) {
        errors.set("orientations", session.firstOf(found, "orientation.", "visit.error.orientation.item"));
    }

    public void newOrientation() {
        if (session.editable()) {
            editor.startNew(session.visitDay());
        }
    }

    public void editOrientation(String orientationId) {
        if (!session.frozen.get()) {
            orientations.stream().filter(o -> o.id().equals(orientationId)).findFirst().ifPresent(editor::startEdit);
        }
    }

    public void cancelOrientation() {
        editor.close();
    }

    public void removeOrientation(String orientationId) {
        if (!session.frozen.get()) {
            orientations.removeIf(o -> o.id().equals(orientationId));
        }
    }

    /** Adds (or replaces) the orientation typed; its target is required. */
    public CompletableFuture<Boolean> saveOrientation() {
        if (!session.editable() || !editor.openProperty().get()) {
            return CompletableFuture.completedFuture(false);
        }
        Optional<OrientationDto> typed = editor.read(session::text);
        if (typed.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        OrientationDto o = typed.get();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        session.work.supply("checking an orientation of the visit report", () -> session.visits.validateOrientation(o),
                found -> {
                    if (!found.isEmpty()) {
                        editor.showErrors(found);
                        result.complete(false);
                        return;
                    }
                    VisitSession.replaceOrAdd(orientations, o, OrientationDto::id);
                    editor.close();
                    result.complete(true);
                }, e -> {
                    session.message(session.text("visit.save.failed"));
                    result.complete(false);
                });
        return result;
    }

    public String orientationTitle(OrientationDto o) {
        return lines.orientationTitle(o);
    }

    /** Date and mode, reason, consent to transmit, feedback. */
    public List<String> orientationDetails(OrientationDto o) {
        return lines.orientationDetails(o);
    }

    public ObservableList<OrientationDto> items() {
        return orientationsView;
    }

    public OrientationEditor editor() {
        return editor;
    }

    /** Active entries of a code list an orientation uses: orientation_target, orientation_mode, orientation_feedback. */
    public ObservableList<CodeItem> options(String list) {
        return session.options(list);
    }

    public ReadOnlyBooleanProperty frozenProperty() {
        return session.frozen.getReadOnlyProperty();
    }

    /** The first problem of the report's orientations that blocks the end of the visit ("Orientation 1 : …"). */
    public ReadOnlyStringProperty errorProperty() {
        return errors.property("orientations");
    }
}
