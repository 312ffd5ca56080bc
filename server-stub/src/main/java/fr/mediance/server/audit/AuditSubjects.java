package fr.mediance.server.audit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.Audit;
import fr.mediance.protocol.BudgetDto;
import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OverindebtednessFileDto;
import fr.mediance.protocol.PaymentPlanDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.protocol.json.MedianceJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Whose data a record is (its resident), and which fields a write changed: names only, never values. */
public final class AuditSubjects {
    private AuditSubjects() {}

    /** The resident a record is about, or null for records about no one (codes, partners, anonymous contacts). */
    public static String residentOf(EntityDto data) {
        if (data == null) {
            return null;
        }
        if (data instanceof ResidentDto r) {
            return r.id();
        }
        if (data instanceof AppointmentDto a) {
            return a.residentId();
        }
        if (data instanceof VisitReportDto v) {
            return v.residentId();
        }
        if (data instanceof DocumentDto d) {
            return d.residentId();
        }
        if (data instanceof TaskDto t) {
            return t.residentId();
        }
        if (data instanceof ConsentDto c) {
            return c.residentId();
        }
        if (data instanceof MandateDto m) {
            return m.residentId();
        }
        if (data instanceof PrivateNoteDto n) {
            return n.residentId();
        }
        if (data instanceof CaseDto c) {
            return c.residentId();
        }
        if (data instanceof RequestDto r) {
            return r.residentId();
        }
        if (data instanceof BudgetDto b) {
            return b.residentId();
        }
        if (data instanceof AidApplicationDto a) {
            return a.residentId();
        }
        if (data instanceof EnergyContractDto e) {
            return e.residentId();
        }
        if (data instanceof DebtDto d) {
            return d.residentId();
        }
        if (data instanceof OverindebtednessFileDto o) {
            return o.residentId();
        }
        if (data instanceof PaymentPlanDto p) {
            return p.residentId();
        }
        if (data instanceof ConflictDto c) {
            return c.entity() == EntityType.RESIDENT ? c.entityId() : null;
        }
        return null;
    }

    /**
     * The wire names of the fields that differ between two states of a record (a creation: the fields it sets), as
     * « champs : a, b », cut to {@link Audit#MAX_SUMMARY} characters. Null when nothing differs.
     */
    public static String changedFields(EntityDto before, EntityDto after) {
        JsonObject a = tree(before);
        JsonObject b = tree(after);
        TreeSet<String> names = new TreeSet<>();
        for (Map.Entry<String, JsonElement> e : b.entrySet()) {
            JsonElement old = a.get(e.getKey());
            boolean emptyNow = e.getValue() == null || e.getValue().isJsonNull();
            if (old == null || old.isJsonNull() ? !emptyNow : !old.equals(e.getValue())) {
                names.add(e.getKey());
            }
        }
        for (String k : a.keySet()) {
            if (!b.has(k) && !a.get(k).isJsonNull()) {
                names.add(k);
            }
        }
        names.remove("version");
        if (names.isEmpty()) {
            return null;
        }
        return summary(new ArrayList<>(names));
    }

    /** « champs : a, b, c », cut to {@link Audit#MAX_SUMMARY} characters. */
    public static String summary(List<String> fieldNames) {
        String s = "champs : " + String.join(", ", fieldNames);
        return s.length() <= Audit.MAX_SUMMARY ? s : s.substring(0, Audit.MAX_SUMMARY - 1) + "…";
    }

    private static JsonObject tree(EntityDto data) {
        if (data == null) {
            return new JsonObject();
        }
        JsonElement t = MedianceJson.gson().toJsonTree(data, data.getClass());
        return t.isJsonObject() ? t.getAsJsonObject() : new JsonObject();
    }
}
