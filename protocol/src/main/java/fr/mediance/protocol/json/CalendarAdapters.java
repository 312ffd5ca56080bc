package fr.mediance.protocol.json;

import com.google.gson.stream.JsonWriter;
import fr.mediance.protocol.CalendarLinkCreatedDto;
import fr.mediance.protocol.CalendarLinkDto;
import fr.mediance.protocol.CalendarLinksResponse;
import java.io.IOException;

/** Adapters of the phone-calendar feed links. */
public final class CalendarAdapters {
    private CalendarAdapters() {}

    public static final RecordAdapter<CalendarLinkDto> LINK = new RecordAdapter<>() {
        @Override
        protected CalendarLinkDto fromFields(Fields f) {
            return new CalendarLinkDto(
                    f.requiredString("id"),
                    f.requiredString("counsellorId"),
                    f.instant("createdAt"),
                    f.string("createdBy"),
                    f.instant("lastUsedAt"),
                    f.instant("revokedAt"));
        }

        @Override
        protected void writeFields(JsonWriter out, CalendarLinkDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "counsellorId", v.counsellorId());
            put(out, "createdAt", v.createdAt());
            put(out, "createdBy", v.createdBy());
            put(out, "lastUsedAt", v.lastUsedAt());
            put(out, "revokedAt", v.revokedAt());
        }
    };

    public static final RecordAdapter<CalendarLinksResponse> LINKS = new RecordAdapter<>() {
        @Override
        protected CalendarLinksResponse fromFields(Fields f) {
            return new CalendarLinksResponse(f.objects("links", LINK));
        }

        @Override
        protected void writeFields(JsonWriter out, CalendarLinksResponse v) throws IOException {
            putObjects(out, "links", LINK, v.links());
        }
    };

    public static final RecordAdapter<CalendarLinkCreatedDto> CREATED = new RecordAdapter<>() {
        @Override
        protected CalendarLinkCreatedDto fromFields(Fields f) {
            return new CalendarLinkCreatedDto(
                    f.requiredObject("link", LINK), f.requiredString("token"), f.requiredString("path"));
        }

        @Override
        protected void writeFields(JsonWriter out, CalendarLinkCreatedDto v) throws IOException {
            putObject(out, "link", LINK, v.link());
            put(out, "token", v.token());
            put(out, "path", v.path());
        }
    };
}
