package fr.mediance.app.core.visit;

import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OrientationDto;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The French lines that describe the parts of a report (an action, an orientation, the energy block), the
 * same on the counsellor's screen and in the office's view. {@code label} gives a code's label in a list;
 * {@code mandate} the words for a mandate id (or null).
 */
public final class ReportLines {
    private final BiFunction<String, String, String> label;
    private final ActionEditor.FormText text;
    private final Function<String, String> mandate;

    public ReportLines(
            BiFunction<String, String, String> label, ActionEditor.FormText text, Function<String, String> mandate) {
        this.label = label;
        this.text = text;
        this.mandate = mandate;
    }

    private String code(String list, String code) {
        return code == null ? "" : label.apply(list, code);
    }

    /** "Appel au créancier · Énergie". */
    public String actionTitle(ActionDto a) {
        String type = code(ListNames.ACTION_TYPE, a.type());
        String domain = code(CodeLists.DOMAIN, a.domain());
        return domain.isEmpty() ? type : type + " · " + domain;
    }

    /** Target and date, result, amounts, reference, "Pour le compte de la personne (…)", note. */
    public List<String> actionDetails(ActionDto a) {
        List<String> lines = new ArrayList<>();
        String when = a.date() == null ? "" : FrenchInput.format(a.date());
        if (a.target() != null || !when.isEmpty()) {
            lines.add(
                    a.target() == null
                            ? when
                            : when.isEmpty() ? a.target() : text.get("visit.action.to", a.target(), when));
        }
        if (a.result() != null) {
            lines.add(text.get("visit.action.result.line", code(ListNames.ACTION_RESULT, a.result())));
        }
        if (a.amountRequestedCents() != null) {
            lines.add(text.get("visit.action.amount.requested.line", FrenchInput.money(a.amountRequestedCents())));
        }
        if (a.amountObtainedCents() != null) {
            lines.add(text.get("visit.action.amount.obtained.line", FrenchInput.money(a.amountObtainedCents())));
        }
        if (a.reference() != null) {
            lines.add(text.get("visit.action.reference.line", a.reference()));
        }
        if (a.onBehalf()) {
            String m = a.mandateId() == null ? null : mandate.apply(a.mandateId());
            lines.add(m == null ? text.get("visit.action.onbehalf") : text.get("visit.action.onbehalf.mandate", m));
        }
        if (a.note() != null) {
            lines.add(a.note());
        }
        return lines;
    }

    public String orientationTitle(OrientationDto o) {
        return code(ListNames.ORIENTATION_TARGET, o.target());
    }

    /** Date and mode, reason, consent to transmit, feedback. */
    public List<String> orientationDetails(OrientationDto o) {
        List<String> lines = new ArrayList<>();
        String when = o.date() == null ? "" : FrenchInput.format(o.date());
        String mode = code(ListNames.ORIENTATION_MODE, o.mode());
        if (!when.isEmpty() || !mode.isEmpty()) {
            lines.add(mode.isEmpty() ? when : when.isEmpty() ? mode : when + " · " + mode);
        }
        if (o.reason() != null) {
            lines.add(o.reason());
        }
        lines.add(text.get(o.consentToTransmit() ? "visit.orientation.consent.yes" : "visit.orientation.consent.no"));
        if (o.feedback() != null) {
            lines.add(text.get("visit.orientation.feedback.line", code(ListNames.ORIENTATION_FEEDBACK, o.feedback())));
        }
        return lines;
    }

    /** The energy block in a few lines; empty when there is none. */
    public List<String> energy(EnergyCheckDto e) {
        List<String> lines = new ArrayList<>();
        if (e == null) {
            return lines;
        }
        if (e.metersChecked()) {
            lines.add(text.get("visit.energy.meters"));
        }
        lines.add(text.get(
                "report.energy.linky",
                text.get(
                        e.linky() == null
                                ? "visit.energy.linky.unknown"
                                : e.linky() ? "visit.energy.linky.yes" : "visit.energy.linky.no")));
        if (e.supplyState() != null) {
            String state = code(ListNames.SUPPLY_STATE, e.supplyState());
            if (e.limitedKva() != null) {
                state = text.get("report.energy.kva", state, e.limitedKva());
            }
            if (e.supplyStateSince() != null) {
                state = text.get("report.energy.since", state, FrenchInput.format(e.supplyStateSince()));
            }
            lines.add(text.get("report.energy.supply", state));
        }
        if (e.heatingType() != null) {
            lines.add(text.get("report.energy.heating", code(ListNames.HEATING_TYPE, e.heatingType())));
        }
        if (!e.ecoGestures().isEmpty()) {
            lines.add(text.get("report.energy.eco", labels(ListNames.ECO_GESTURE, e.ecoGestures())));
        }
        if (!e.equipmentIssues().isEmpty()) {
            lines.add(text.get("report.energy.equipment", labels(ListNames.EQUIPMENT_ISSUE, e.equipmentIssues())));
        }
        if (e.renovationOrientation() != null) {
            lines.add(text.get(
                    "report.energy.renovation", code(ListNames.RENOVATION_ORIENTATION, e.renovationOrientation())));
        }
        return lines;
    }

    /** "Mandat du 01/11/2026 au 30/04/2027 — Énergie, Eau". */
    public String mandate(fr.mediance.protocol.MandateDto m) {
        return text.get(
                "visit.action.mandate.label",
                FrenchInput.format(m.startDate()),
                FrenchInput.format(m.endDate()),
                labels(CodeLists.DOMAIN, m.demarches()));
    }

    /** Labels of codes, separated by commas. */
    public String labels(String list, List<String> codes) {
        return String.join(", ", codes.stream().map(c -> code(list, c)).toList());
    }
}
