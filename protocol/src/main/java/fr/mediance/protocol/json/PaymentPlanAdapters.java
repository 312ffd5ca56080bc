package fr.mediance.protocol.json;

import com.google.gson.stream.JsonWriter;
import fr.mediance.protocol.InstalmentDto;
import fr.mediance.protocol.PaymentPlanDto;
import java.io.IOException;

/** The adapters of payment plans (échéanciers) and their instalments, written by hand like the others. */
public final class PaymentPlanAdapters {
    private PaymentPlanAdapters() {}

    public static final class InstalmentAdapter extends RecordAdapter<InstalmentDto> {
        @Override
        protected InstalmentDto fromFields(Fields f) {
            Long paid = f.optionalLong("paidCents");
            return new InstalmentDto(
                    f.date("dueDate"), f.requiredLong("amountCents"), f.date("paidOn"), paid == null ? 0 : paid);
        }

        @Override
        protected void writeFields(JsonWriter out, InstalmentDto v) throws IOException {
            put(out, "dueDate", v.dueDate());
            put(out, "amountCents", v.amountCents());
            put(out, "paidOn", v.paidOn());
            put(out, "paidCents", v.paidCents());
        }
    }

    public static final class PaymentPlanAdapter extends RecordAdapter<PaymentPlanDto> {
        @Override
        protected PaymentPlanDto fromFields(Fields f) {
            return new PaymentPlanDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.requiredString("residentId"),
                    f.string("creditor"),
                    f.strings("debtIds"),
                    f.date("agreedOn"),
                    f.requiredLong("totalCents"),
                    f.intOr("everyMonths", 0),
                    f.string("status"),
                    f.objects("instalments", INSTALMENT),
                    f.string("confirmationDocumentId"),
                    f.string("note"));
        }

        @Override
        protected void writeFields(JsonWriter out, PaymentPlanDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "residentId", v.residentId());
            put(out, "creditor", v.creditor());
            putStrings(out, "debtIds", v.debtIds());
            put(out, "agreedOn", v.agreedOn());
            put(out, "totalCents", v.totalCents());
            put(out, "everyMonths", (long) v.everyMonths());
            put(out, "status", v.status());
            putObjects(out, "instalments", INSTALMENT, v.instalments());
            put(out, "confirmationDocumentId", v.confirmationDocumentId());
            put(out, "note", v.note());
        }
    }

    public static final InstalmentAdapter INSTALMENT = new InstalmentAdapter();
    public static final PaymentPlanAdapter PAYMENT_PLAN = new PaymentPlanAdapter();
}
