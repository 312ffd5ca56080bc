package fr.mediance.protocol.json;

import com.google.gson.stream.JsonWriter;
import fr.mediance.protocol.AuditEventDto;
import fr.mediance.protocol.AuditEventsReceipt;
import fr.mediance.protocol.AuditEventsRequest;
import fr.mediance.protocol.AuditPage;
import java.io.IOException;

/** Adapters of the audit log's wire types. */
public final class AuditAdapters {
    private AuditAdapters() {}

    public static final class EventAdapter extends RecordAdapter<AuditEventDto> {
        @Override
        protected AuditEventDto fromFields(Fields f) {
            return new AuditEventDto(
                    f.requiredString("id"),
                    f.requiredInstant("at"),
                    f.string("accountId"),
                    f.string("accountName"),
                    f.string("deviceId"),
                    f.string("source"),
                    f.requiredString("action"),
                    f.requiredString("entityType"),
                    f.requiredString("entityId"),
                    f.string("residentId"),
                    f.string("summary"));
        }

        @Override
        protected void writeFields(JsonWriter out, AuditEventDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "at", v.at());
            put(out, "accountId", v.accountId());
            put(out, "accountName", v.accountName());
            put(out, "deviceId", v.deviceId());
            put(out, "source", v.source());
            put(out, "action", v.action());
            put(out, "entityType", v.entityType());
            put(out, "entityId", v.entityId());
            put(out, "residentId", v.residentId());
            put(out, "summary", v.summary());
        }
    }

    public static final class EventsRequestAdapter extends RecordAdapter<AuditEventsRequest> {
        @Override
        protected AuditEventsRequest fromFields(Fields f) {
            return new AuditEventsRequest(f.objects("events", EVENT));
        }

        @Override
        protected void writeFields(JsonWriter out, AuditEventsRequest v) throws IOException {
            putObjects(out, "events", EVENT, v.events());
        }
    }

    public static final class ReceiptAdapter extends RecordAdapter<AuditEventsReceipt> {
        @Override
        protected AuditEventsReceipt fromFields(Fields f) {
            return new AuditEventsReceipt(f.intOr("stored", 0), f.intOr("alreadyStored", 0));
        }

        @Override
        protected void writeFields(JsonWriter out, AuditEventsReceipt v) throws IOException {
            put(out, "stored", (long) v.stored());
            put(out, "alreadyStored", (long) v.alreadyStored());
        }
    }

    public static final class PageAdapter extends RecordAdapter<AuditPage> {
        @Override
        protected AuditPage fromFields(Fields f) {
            return new AuditPage(f.objects("events", EVENT), f.string("next"));
        }

        @Override
        protected void writeFields(JsonWriter out, AuditPage v) throws IOException {
            putObjects(out, "events", EVENT, v.events());
            put(out, "next", v.next());
        }
    }

    public static final EventAdapter EVENT = new EventAdapter();
    public static final EventsRequestAdapter EVENTS_REQUEST = new EventsRequestAdapter();
    public static final ReceiptAdapter RECEIPT = new ReceiptAdapter();
    public static final PageAdapter PAGE = new PageAdapter();
}
