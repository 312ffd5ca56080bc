package fr.mediance.protocol.json;

import com.google.gson.JsonParseException;

/**
 * A JSON document that does not have the shape of a wire type. {@link #field()} names the offending field
 * (dotted path, may be empty) and the message is a French sentence that can be shown as is.
 */
public final class WireFormatException extends JsonParseException {
    private final String field;

    public WireFormatException(String field, String message) {
        super(message);
        this.field = field == null ? "" : field;
    }

    public String field() {
        return field;
    }
}
