package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.Tus;
import fr.mediance.protocol.json.MedianceJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** A small tus 1.0.0 client for tests: every request with {@code Tus-Resumable}, answers with their headers. */
final class TusClient {

    private final TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    TusClient(TestServer server) {
        this.server = server;
    }

    /** An answer: status, headers (lower-case names), body. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        long offset() {
            return Long.parseLong(header(Tus.UPLOAD_OFFSET).orElseThrow());
        }

        String location() {
            return header("Location").orElseThrow();
        }

        ProblemDto problem() {
            assertThat(header("Content-Type").orElse("")).startsWith(ProblemDto.MEDIA_TYPE);
            return MedianceJson.gson().fromJson(new String(body, StandardCharsets.UTF_8), ProblemDto.class);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256", bytes));
    }

    static String checksum(byte[] bytes, int from, int to) {
        return "sha256 " + Base64.getEncoder().encodeToString(digest("SHA-256", slice(bytes, from, to)));
    }

    static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Upload-Metadata for a file: its SHA-256, type and name. */
    static String metadata(String sha256) {
        return "sha256 " + b64(sha256) + ",filetype " + b64("image/jpeg") + ",filename " + b64("facture-edf.jpg");
    }

    Answer send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            return new Answer(r.statusCode(), headers, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(server.url(path))).header(Tus.TUS_RESUMABLE, Tus.VERSION);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    Answer options() {
        return send(HttpRequest.newBuilder(URI.create(server.url(ApiPaths.UPLOADS)))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    /** POST creation, without a body. */
    Answer create(String token, long length, String metadata) {
        return send(request(ApiPaths.UPLOADS, token)
                .header(Tus.UPLOAD_LENGTH, Long.toString(length))
                .header(Tus.UPLOAD_METADATA, metadata)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** POST creation with its first chunk. */
    Answer createWith(String token, long length, String metadata, byte[] chunk, String checksum) {
        HttpRequest.Builder b = request(ApiPaths.UPLOADS, token)
                .header(Tus.UPLOAD_LENGTH, Long.toString(length))
                .header(Tus.UPLOAD_METADATA, metadata)
                .header("Content-Type", Tus.OFFSET_OCTET_STREAM)
                .POST(HttpRequest.BodyPublishers.ofByteArray(chunk));
        if (checksum != null) {
            b.header(Tus.UPLOAD_CHECKSUM, checksum);
        }
        return send(b);
    }

    Answer head(String token, String location) {
        return send(request(location, token).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    Answer patch(String token, String location, long offset, byte[] chunk, String checksum) {
        HttpRequest.Builder b = request(location, token)
                .header(Tus.UPLOAD_OFFSET, Long.toString(offset))
                .header("Content-Type", Tus.OFFSET_OCTET_STREAM)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk));
        if (checksum != null) {
            b.header(Tus.UPLOAD_CHECKSUM, checksum);
        }
        return send(b);
    }

    Answer delete(String token, String location) {
        return send(request(location, token).DELETE());
    }

    /** Sends a whole file in chunks of {@code chunk} bytes, each with its checksum; answers the last answer. */
    Answer upload(String token, byte[] file, int chunk) {
        Answer created = create(token, file.length, metadata(sha256Hex(file)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Answer last = created;
        for (int from = 0; from < file.length; from += chunk) {
            int to = Math.min(file.length, from + chunk);
            last = patch(token, created.location(), from, slice(file, from, to), checksum(file, from, to));
            assertThat(last.status()).as(last.text()).isEqualTo(204);
        }
        return last;
    }

    /**
     * A PATCH whose body stops after {@code sent} of {@code declared} bytes: the client half-closes the
     * connection, as a link that drops in the middle of a chunk. Answers the raw response (status line first).
     */
    String cutPatch(String token, String location, long offset, byte[] body, int sent, String checksum) {
        try (Socket s = new Socket("localhost", server.app.port())) {
            OutputStream out = s.getOutputStream();
            StringBuilder head = new StringBuilder("PATCH " + location + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nTus-Resumable: " + Tus.VERSION + "\r\nUpload-Offset: "
                    + offset
                    + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + body.length + "\r\n");
            if (checksum != null) {
                head.append("Upload-Checksum: ").append(checksum).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, sent);
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
