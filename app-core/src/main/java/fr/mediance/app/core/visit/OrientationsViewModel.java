package fr.mediance.app.core.visit;

import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.protocol.OrientationDto;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

/** The orientations of a visit report (towards a partner), typed one at a time in the {@link OrientationEditor}. */
public final class OrientationsViewModel implements ReportPart {

    private final VisitSession session;
    private final OrientationEditor editor = new OrientationEditor();
    private final ReportItems<OrientationDto> orientations;
    private final ErrorLines errors = new ErrorLines("orientations");
    private final ReportLines lines;

    OrientationsViewModel(VisitSession session) {
        this.session = session;
        this.lines = new ReportLines(session::codeLabel, session::text, id -> null);
        this.orientations = new ReportItems<>(
                session,
                OrientationDto::id,
                new ReportItems.Form<>(
                        () -> editor.openProperty().get(), editor::read, editor::showErrors, editor::close));
    }

    @Override
    public void show(VisitReport r) {
        orientations.show(r.orientations());
    }

    @Override
    public VisitReport into(VisitReport draft) {
        return draft.withOrientations(orientations.copy());
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
        orientations.toEdit(orientationId).ifPresent(editor::startEdit);
    }

    public void cancelOrientation() {
        editor.close();
    }

    public void removeOrientation(String orientationId) {
        orientations.remove(orientationId);
    }

    /** Adds (or replaces) the orientation typed; its target is required. */
    public CompletableFuture<Boolean> saveOrientation() {
        return orientations.save(
                "checking an orientation of the visit report", o -> () -> session.visits.validateOrientation(o));
    }

    public String orientationTitle(OrientationDto o) {
        return lines.orientationTitle(o);
    }

    /** Date and mode, reason, consent to transmit, feedback. */
    public List<String> orientationDetails(OrientationDto o) {
        return lines.orientationDetails(o);
    }

    public ObservableList<OrientationDto> items() {
        return orientations.view();
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
