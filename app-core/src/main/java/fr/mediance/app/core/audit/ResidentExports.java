package fr.mediance.app.core.audit;

import fr.mediance.app.core.Texts;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.protocol.Audit;
import fr.mediance.protocol.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * A resident's access export (GDPR art. 15), made by the server and saved where the office chose: the format
 * follows the file's extension (.pdf, .html, .json, .zip). The server writes the export in the audit log.
 */
public final class ResidentExports {
    private final Supplier<Optional<RemoteClient>> remote;
    private final ResourceBundle texts;

    public ResidentExports(Supplier<Optional<RemoteClient>> remote, ResourceBundle texts) {
        this.remote = remote;
        this.texts = texts;
    }

    /** Whether the role may export (office, coordination, admin): the same rule the server applies. */
    public static boolean mayExport(Role role) {
        return role != null && Audit.mayExportResident(role);
    }

    /** The format asked for a file name: its extension, PDF when it has none the server knows. */
    public static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String f : new String[] {"html", "json", "zip", "pdf"}) {
            if (name.endsWith("." + f)) {
                return f;
            }
        }
        return "pdf";
    }

    /** Downloads the export and writes it to {@code file} (blocking: call it in the background); a French message. */
    public String saveTo(String residentId, Path file) {
        Optional<RemoteClient> client = remote.get();
        if (client.isEmpty()) {
            return Texts.format(texts, "export.offline");
        }
        RemoteResult<byte[]> r = client.get().residentExport(residentId, formatOf(file));
        if (!(r instanceof RemoteResult.Ok<byte[]> ok)) {
            return r instanceof RemoteResult.NetworkError<?>
                    ? Texts.format(texts, "export.offline")
                    : Texts.format(texts, "export.failed", r.userMessage());
        }
        try {
            Files.write(file, ok.value());
            return Texts.format(texts, "export.saved", file.getFileName().toString());
        } catch (IOException e) {
            return Texts.format(texts, "export.failed", e.getClass().getSimpleName());
        }
    }
}
