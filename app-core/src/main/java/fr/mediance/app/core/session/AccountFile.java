package fr.mediance.app.core.session;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import fr.mediance.app.core.store.StoreException;
import fr.mediance.protocol.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The local account file ({@code account.json}, plain JSON in the data directory): who uses the device, the
 * server address, the device id, the PIN key-derivation parameters and the data key wrapped by the PIN key.
 * No secret in clear. Written atomically (temporary file, then rename).
 */
final class AccountFile {
    static final String NAME = "account.json";
    static final int FORMAT = 1;

    /** The content of the file. */
    record Content(
            String serverUrl,
            String userId,
            String username,
            String displayName,
            Role role,
            String structureId,
            String deviceId,
            String kdf,
            int iterations,
            byte[] salt,
            byte[] wrappedKey,
            int failedAttempts,
            Instant blockedUntil) {

        AccountInfo info() {
            return new AccountInfo(userId, username, displayName, role, structureId, serverUrl, deviceId);
        }

        Content withFailures(int failures, Instant until) {
            return new Content(
                    serverUrl,
                    userId,
                    username,
                    displayName,
                    role,
                    structureId,
                    deviceId,
                    kdf,
                    iterations,
                    salt,
                    wrappedKey,
                    failures,
                    until);
        }

        Content withUser(String newDisplayName, Role newRole, String newStructureId) {
            return new Content(
                    serverUrl,
                    userId,
                    username,
                    newDisplayName,
                    newRole,
                    newStructureId,
                    deviceId,
                    kdf,
                    iterations,
                    salt,
                    wrappedKey,
                    failedAttempts,
                    blockedUntil);
        }

        @Override
        public String toString() {
            return "AccountFile.Content[user=" + username + ", device=" + deviceId + "]";
        }
    }

    private final Path file;

    AccountFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    Path path() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    Optional<Content> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            Base64.Decoder b64 = Base64.getDecoder();
            return Optional.of(new Content(
                    str(o, "serverUrl"),
                    str(o, "userId"),
                    str(o, "username"),
                    str(o, "displayName"),
                    Role.fromCode(str(o, "role")),
                    str(o, "structureId"),
                    str(o, "deviceId"),
                    str(o, "kdf"),
                    o.get("iterations").getAsInt(),
                    b64.decode(str(o, "salt")),
                    b64.decode(str(o, "wrappedKey")),
                    o.has("failedAttempts") ? o.get("failedAttempts").getAsInt() : 0,
                    o.has("blockedUntil") ? Instant.parse(str(o, "blockedUntil")) : null));
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot read the account file", e);
        } catch (JsonParseException
                | IllegalStateException
                | IllegalArgumentException
                | NullPointerException
                | UnsupportedOperationException e) {
            throw new StoreException(StoreException.Kind.CORRUPTED, "unreadable account file", e);
        }
    }

    private static String str(JsonObject o, String name) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : null;
    }

    void write(Content c) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("serverUrl", c.serverUrl());
        o.addProperty("userId", c.userId());
        o.addProperty("username", c.username());
        o.addProperty("displayName", c.displayName());
        o.addProperty("role", c.role() == null ? null : c.role().code());
        o.addProperty("structureId", c.structureId());
        o.addProperty("deviceId", c.deviceId());
        o.addProperty("kdf", c.kdf());
        o.addProperty("iterations", c.iterations());
        o.addProperty("salt", Base64.getEncoder().encodeToString(c.salt()));
        o.addProperty("wrappedKey", Base64.getEncoder().encodeToString(c.wrappedKey()));
        o.addProperty("failedAttempts", c.failedAttempts());
        if (c.blockedUntil() != null) {
            o.addProperty("blockedUntil", c.blockedUntil().toString());
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(NAME + ".tmp");
            Files.writeString(tmp, o.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot write the account file", e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot delete the account file", e);
        }
    }
}
