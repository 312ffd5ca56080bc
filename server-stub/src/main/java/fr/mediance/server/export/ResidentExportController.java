package fr.mediance.server.export;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.Audit;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.Role;
import fr.mediance.server.DomainException;
import fr.mediance.server.audit.Auditor;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.auth.Authenticator;
import fr.mediance.server.blob.BlobStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code GET /residents/{id}/export?format=pdf|html|json|zip}: everything held about a resident of the caller's
 * structure, for the office, the coordination and the admin ({@link Audit#mayExportResident}); written in the audit
 * log as an export. The zip holds the JSON, the PDF and the documents' files that the server has.
 */
public final class ResidentExportController {
    private static final List<String> FORMATS = List.of("pdf", "html", "json", "zip");

    private final ResidentExport export;
    private final BlobStore blobs;
    private final Auditor auditor;
    private final Authenticator authenticator;
    private final Clock clock;

    public ResidentExportController(
            ResidentExport export, BlobStore blobs, Auditor auditor, Authenticator authenticator, Clock clock) {
        this.export = export;
        this.blobs = blobs;
        this.auditor = auditor;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    public void routes(RoutesConfig r) {
        r.get(ApiPaths.RESIDENT_EXPORT, this::export);
    }

    private void export(Context ctx) {
        AuthUser caller = authenticator.require(ctx, Role.OFFICE, Role.COORDINATOR, Role.ADMIN);
        String format = ctx.queryParam(ApiPaths.PARAM_FORMAT);
        format = format == null || format.isEmpty() ? "pdf" : format;
        if (!FORMATS.contains(format)) {
            throw DomainException.invalid(
                    "invalid_format", "Le format d'export doit être l'un de : " + String.join(", ", FORMATS) + ".");
        }
        String residentId = ctx.pathParam(ApiPaths.PARAM_RESIDENT_ID);
        ResidentExport.Contents c = export.gather(caller, residentId, clock.instant());
        String number = c.resident().fileNumber();
        // a blank file number named the file « export-.pdf »: the resident's id names it then
        String base = "export-" + safe(number != null && !number.isBlank() ? number.strip() : residentId);
        byte[] body;
        String type;
        switch (format) {
            case "html" -> {
                body = ExportRenderers.html(ExportLines.of(c)).getBytes(StandardCharsets.UTF_8);
                type = "text/html; charset=utf-8";
            }
            case "json" -> {
                body = ResidentExport.json(c).toString().getBytes(StandardCharsets.UTF_8);
                type = "application/json; charset=utf-8";
            }
            case "zip" -> {
                body = zip(c, base);
                type = "application/zip";
            }
            default -> {
                body = pdf(c);
                type = "application/pdf";
            }
        }
        auditor.record(
                caller,
                Audit.EXPORT,
                Audit.ENTITY_RESIDENT_EXPORT,
                residentId,
                residentId,
                "format " + format + ", "
                        + c.sections().values().stream().mapToInt(List::size).sum() + " enregistrements");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", "attachment; filename=\"" + base + "." + format + "\"");
        ctx.status(200).contentType(type).result(body);
    }

    private static byte[] pdf(ResidentExport.Contents c) {
        // a name left empty is left out (it printed « null » in the document's title)
        String name = java.util.stream.Stream.of(
                        c.resident().firstName(), c.resident().lastName())
                .filter(s -> s != null && !s.isBlank())
                .map(String::strip)
                .collect(java.util.stream.Collectors.joining(" "));
        return ExportRenderers.pdf(
                ExportLines.of(c), name.isEmpty() ? "Données détenues" : "Données détenues sur " + name);
    }

    private byte[] zip(ResidentExport.Contents c, String base) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            z.putNextEntry(new ZipEntry(base + ".json"));
            z.write(ResidentExport.json(c).toString().getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry(base + ".pdf"));
            z.write(pdf(c));
            z.closeEntry();
            Set<String> names = new HashSet<>();
            for (DocumentDto d : c.documents()) {
                if (d.sha256() == null || blobs.size(d.sha256()).isEmpty()) {
                    continue;
                }
                String name = "documents/" + safe(d.id()) + extension(d.mimeType());
                if (!names.add(name)) {
                    continue;
                }
                z.putNextEntry(new ZipEntry(name));
                try (InputStream in = blobs.open(d.sha256())) {
                    in.transferTo(z);
                }
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export zip", e);
        }
        return out.toByteArray();
    }

    private static String extension(String mime) {
        if (mime == null) {
            return "";
        }
        return switch (mime) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
