package fr.mediance.protocol.json;

import com.google.gson.stream.JsonWriter;
import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.PartnerServiceDto;
import java.io.IOException;

/** The adapters of the partner directory: a partner and its services. */
public final class PartnerAdapters {
    private PartnerAdapters() {}

    public static final class PartnerServiceAdapter extends RecordAdapter<PartnerServiceDto> {
        @Override
        protected PartnerServiceDto fromFields(Fields f) {
            return new PartnerServiceDto(
                    f.requiredString("id"),
                    f.string("name"),
                    f.string("address"),
                    f.string("postcode"),
                    f.string("city"),
                    f.string("phone"),
                    f.string("email"),
                    f.string("hours"),
                    f.strings("documents"),
                    f.string("note"));
        }

        @Override
        protected void writeFields(JsonWriter out, PartnerServiceDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "name", v.name());
            put(out, "address", v.address());
            put(out, "postcode", v.postcode());
            put(out, "city", v.city());
            put(out, "phone", v.phone());
            put(out, "email", v.email());
            put(out, "hours", v.hours());
            putStrings(out, "documents", v.documents());
            put(out, "note", v.note());
        }
    }

    public static final class PartnerAdapter extends RecordAdapter<PartnerDto> {
        @Override
        protected PartnerDto fromFields(Fields f) {
            return new PartnerDto(
                    f.requiredString("id"),
                    f.string("type"),
                    f.string("name"),
                    f.strings("categories"),
                    f.objects("services", SERVICE),
                    f.string("website"),
                    f.bool("active", true));
        }

        @Override
        protected void writeFields(JsonWriter out, PartnerDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "type", v.type());
            put(out, "name", v.name());
            putStrings(out, "categories", v.categories());
            putObjects(out, "services", SERVICE, v.services());
            put(out, "website", v.website());
            put(out, "active", v.active());
        }
    }

    public static final PartnerServiceAdapter SERVICE = new PartnerServiceAdapter();
    public static final PartnerAdapter PARTNER = new PartnerAdapter();
}
