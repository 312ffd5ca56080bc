package fr.mediance.protocol.json;

import com.google.gson.stream.JsonWriter;
import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.BudgetDto;
import fr.mediance.protocol.BudgetLineDto;
import fr.mediance.protocol.OverindebtednessFileDto;
import java.io.IOException;

/** The adapters of the household's money records: budget sheets, aid applications, overindebtedness files. */
public final class BudgetAdapters {
    private BudgetAdapters() {}

    public static final class BudgetLineAdapter extends RecordAdapter<BudgetLineDto> {
        @Override
        protected BudgetLineDto fromFields(Fields f) {
            return new BudgetLineDto(
                    f.requiredString("kind"),
                    f.requiredString("category"),
                    f.requiredLong("amountCents"),
                    f.requiredString("periodicity"),
                    f.bool("paidToLandlord", false),
                    f.bool("justified", false),
                    f.string("label"));
        }

        @Override
        protected void writeFields(JsonWriter out, BudgetLineDto v) throws IOException {
            put(out, "kind", v.kind());
            put(out, "category", v.category());
            put(out, "amountCents", v.amountCents());
            put(out, "periodicity", v.periodicity());
            put(out, "paidToLandlord", v.paidToLandlord());
            put(out, "justified", v.justified());
            put(out, "label", v.label());
        }
    }

    public static final class BudgetAdapter extends RecordAdapter<BudgetDto> {
        @Override
        protected BudgetDto fromFields(Fields f) {
            return new BudgetDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.requiredString("residentId"),
                    f.string("authorId"),
                    f.date("snapshotDate"),
                    f.intOr("householdPersons", 0),
                    f.intOr("householdAdults", 1),
                    f.objects("lines", LINE),
                    f.string("note"),
                    f.instant("updatedAt"));
        }

        @Override
        protected void writeFields(JsonWriter out, BudgetDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "residentId", v.residentId());
            put(out, "authorId", v.authorId());
            put(out, "snapshotDate", v.snapshotDate());
            put(out, "householdPersons", (long) v.householdPersons());
            put(out, "householdAdults", (long) v.householdAdults());
            putObjects(out, "lines", LINE, v.lines());
            put(out, "note", v.note());
            put(out, "updatedAt", v.updatedAt());
        }
    }

    public static final class AidApplicationAdapter extends RecordAdapter<AidApplicationDto> {
        @Override
        protected AidApplicationDto fromFields(Fields f) {
            return new AidApplicationDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.requiredString("residentId"),
                    f.string("authorId"),
                    f.string("kind"),
                    f.string("departement"),
                    f.string("instructingBody"),
                    f.strings("debtIds"),
                    f.strings("checklist"),
                    f.optionalLong("requestedCents"),
                    f.optionalLong("grantedCents"),
                    f.string("paidTo"),
                    f.string("status"),
                    f.date("openedOn"),
                    f.date("submittedOn"),
                    f.date("missingDocumentsDueOn"),
                    f.date("decidedOn"),
                    f.string("refusalReason"),
                    f.string("note"),
                    f.instant("updatedAt"));
        }

        @Override
        protected void writeFields(JsonWriter out, AidApplicationDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "residentId", v.residentId());
            put(out, "authorId", v.authorId());
            put(out, "kind", v.kind());
            put(out, "departement", v.departement());
            put(out, "instructingBody", v.instructingBody());
            putStrings(out, "debtIds", v.debtIds());
            putStrings(out, "checklist", v.checklist());
            put(out, "requestedCents", v.requestedCents());
            put(out, "grantedCents", v.grantedCents());
            put(out, "paidTo", v.paidTo());
            put(out, "status", v.status());
            put(out, "openedOn", v.openedOn());
            put(out, "submittedOn", v.submittedOn());
            put(out, "missingDocumentsDueOn", v.missingDocumentsDueOn());
            put(out, "decidedOn", v.decidedOn());
            put(out, "refusalReason", v.refusalReason());
            put(out, "note", v.note());
            put(out, "updatedAt", v.updatedAt());
        }
    }

    public static final class OverindebtednessFileAdapter extends RecordAdapter<OverindebtednessFileDto> {
        @Override
        protected OverindebtednessFileDto fromFields(Fields f) {
            return new OverindebtednessFileDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.requiredString("residentId"),
                    f.string("channel"),
                    f.bool("coDepositor", false),
                    f.date("startedOn"),
                    f.date("filedOn"),
                    f.string("status"),
                    f.date("admissibilityDecisionOn"),
                    f.date("orientationDecisionOn"),
                    f.optionalInt("planMonths"),
                    f.optionalLong("resteAVivreCents"),
                    f.optionalLong("monthlyRepaymentCents"),
                    f.bool("ficp", false),
                    f.string("note"),
                    f.instant("updatedAt"));
        }

        @Override
        protected void writeFields(JsonWriter out, OverindebtednessFileDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "residentId", v.residentId());
            put(out, "channel", v.channel());
            put(out, "coDepositor", v.coDepositor());
            put(out, "startedOn", v.startedOn());
            put(out, "filedOn", v.filedOn());
            put(out, "status", v.status());
            put(out, "admissibilityDecisionOn", v.admissibilityDecisionOn());
            put(out, "orientationDecisionOn", v.orientationDecisionOn());
            put(out, "planMonths", v.planMonths() == null ? null : (long) v.planMonths());
            put(out, "resteAVivreCents", v.resteAVivreCents());
            put(out, "monthlyRepaymentCents", v.monthlyRepaymentCents());
            put(out, "ficp", v.ficp());
            put(out, "note", v.note());
            put(out, "updatedAt", v.updatedAt());
        }
    }

    public static final OverindebtednessFileAdapter OVERINDEBTEDNESS_FILE = new OverindebtednessFileAdapter();
    public static final BudgetLineAdapter LINE = new BudgetLineAdapter();
    public static final AidApplicationAdapter AID_APPLICATION = new AidApplicationAdapter();
    public static final BudgetAdapter BUDGET = new BudgetAdapter();
}
