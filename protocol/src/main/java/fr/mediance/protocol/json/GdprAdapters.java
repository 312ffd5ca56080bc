package fr.mediance.protocol.json;

import com.google.gson.stream.JsonWriter;
import fr.mediance.protocol.RetentionRunDto;
import fr.mediance.protocol.RightsRequestDto;
import fr.mediance.protocol.RightsRequestsResponse;
import java.io.IOException;

/** The register of rights requests and the retention run's answer. */
public final class GdprAdapters {
    private GdprAdapters() {}

    public static final class RightsRequestAdapter extends RecordAdapter<RightsRequestDto> {
        @Override
        protected RightsRequestDto fromFields(Fields f) {
            return new RightsRequestDto(
                    f.string("id"),
                    f.string("residentId"),
                    f.string("residentLabel"),
                    f.string("kind"),
                    f.date("receivedOn"),
                    f.date("dueOn"),
                    f.bool("extended", false),
                    f.string("extensionReason"),
                    f.string("status"),
                    f.date("answeredOn"),
                    f.string("answer"),
                    f.bool("overdue", false));
        }

        @Override
        protected void writeFields(JsonWriter out, RightsRequestDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "residentId", v.residentId());
            put(out, "residentLabel", v.residentLabel());
            put(out, "kind", v.kind());
            put(out, "receivedOn", v.receivedOn());
            put(out, "dueOn", v.dueOn());
            put(out, "extended", v.extended());
            put(out, "extensionReason", v.extensionReason());
            put(out, "status", v.status());
            put(out, "answeredOn", v.answeredOn());
            put(out, "answer", v.answer());
            put(out, "overdue", v.overdue());
        }
    }

    public static final class RightsRequestsResponseAdapter extends RecordAdapter<RightsRequestsResponse> {
        @Override
        protected RightsRequestsResponse fromFields(Fields f) {
            return new RightsRequestsResponse(f.objects("requests", REQUEST));
        }

        @Override
        protected void writeFields(JsonWriter out, RightsRequestsResponse v) throws IOException {
            putObjects(out, "requests", REQUEST, v.requests());
        }
    }

    public static final class RetentionRunAdapter extends RecordAdapter<RetentionRunDto> {
        @Override
        protected RetentionRunDto fromFields(Fields f) {
            return new RetentionRunDto(
                    f.intOr("residents", 0), f.intOr("mandates", 0), f.intOr("documents", 0), f.intOr("files", 0));
        }

        @Override
        protected void writeFields(JsonWriter out, RetentionRunDto v) throws IOException {
            put(out, "residents", (long) v.residents());
            put(out, "mandates", (long) v.mandates());
            put(out, "documents", (long) v.documents());
            put(out, "files", (long) v.files());
        }
    }

    public static final RightsRequestAdapter REQUEST = new RightsRequestAdapter();
    public static final RightsRequestsResponseAdapter REQUESTS = new RightsRequestsResponseAdapter();
    public static final RetentionRunAdapter RETENTION_RUN = new RetentionRunAdapter();
}
