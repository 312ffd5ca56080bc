package fr.mediance.protocol.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Base of the hand-written adapters: one per wire type, no reflection, so the same code works in a native
 * image. A subclass reads from {@link Fields} and writes fields with the helpers below.
 */
public abstract class RecordAdapter<T> extends TypeAdapter<T> {

    protected abstract T fromFields(Fields f);

    protected abstract void writeFields(JsonWriter out, T value) throws IOException;

    @Override
    public final T read(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        JsonElement e = JsonParser.parseReader(in);
        if (!e.isJsonObject()) {
            throw new WireFormatException("", "Un objet JSON est attendu.");
        }
        return fromFields(new Fields(e.getAsJsonObject(), ""));
    }

    @Override
    public final void write(JsonWriter out, T value) throws IOException {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject();
        writeFields(out, value);
        out.endObject();
    }

    protected static void put(JsonWriter out, String name, String value) throws IOException {
        if (value != null) {
            out.name(name).value(value);
        }
    }

    protected static void put(JsonWriter out, String name, Long value) throws IOException {
        if (value != null) {
            out.name(name).value(value);
        }
    }

    protected static void put(JsonWriter out, String name, long value) throws IOException {
        out.name(name).value(value);
    }

    protected static void put(JsonWriter out, String name, double value) throws IOException {
        out.name(name).value(value);
    }

    protected static void put(JsonWriter out, String name, Boolean value) throws IOException {
        if (value != null) {
            out.name(name).value(value.booleanValue());
        }
    }

    protected static void put(JsonWriter out, String name, boolean value) throws IOException {
        out.name(name).value(value);
    }

    protected static void put(JsonWriter out, String name, Instant value) throws IOException {
        if (value != null) {
            out.name(name).value(value.toString());
        }
    }

    protected static void put(JsonWriter out, String name, LocalDate value) throws IOException {
        if (value != null) {
            out.name(name).value(value.toString());
        }
    }

    protected static void putStrings(JsonWriter out, String name, List<String> values) throws IOException {
        out.name(name).beginArray();
        for (String v : values) {
            out.value(v);
        }
        out.endArray();
    }

    protected static void putDates(JsonWriter out, String name, List<LocalDate> values) throws IOException {
        out.name(name).beginArray();
        for (LocalDate v : values) {
            out.value(v.toString());
        }
        out.endArray();
    }

    protected static <V> void putObject(JsonWriter out, String name, RecordAdapter<V> adapter, V value)
            throws IOException {
        if (value != null) {
            out.name(name);
            adapter.write(out, value);
        }
    }

    protected static <V> void putObjects(JsonWriter out, String name, RecordAdapter<V> adapter, List<V> values)
            throws IOException {
        out.name(name).beginArray();
        for (V v : values) {
            adapter.write(out, v);
        }
        out.endArray();
    }
}
