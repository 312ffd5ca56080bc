package fr.mediance.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, for what a well-behaved client never sends: a body shorter than its
 * Content-Length (the connection's sending side closed early), a length that lies. Reads one answer.
 */
final class RawSocketHttp {
    /** Interim (1xx) answers seen so far, e.g. a 100 Continue before a refusal. */
    static int interim;

    private RawSocketHttp() {}

    /**
     * Sends the head ({@code METHOD path}, headers, Host and Connection: close added) then {@code body}; if
     * {@code closeAfterBody}, shuts the sending side so the server sees the body end early.
     */
    static RawApi.Exchange send(
            int port, String method, String path, Map<String, String> headers, byte[] body, boolean closeAfterBody)
            throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            StringBuilder head =
                    new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            head.append("Connection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            if (closeAfterBody) {
                s.shutdownOutput();
            }
            return read(s.getInputStream());
        }
    }

    private static RawApi.Exchange read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        try {
            while ((n = in.read(buf)) >= 0) {
                all.write(buf, 0, n);
            }
        } catch (IOException reset) {
            if (all.size() == 0) {
                throw reset;
            }
        }
        byte[] bytes = all.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        while (text.startsWith("HTTP/1.1 1")) { // interim answers (100 Continue) come before the real one
            int interimEnd = text.indexOf("\r\n\r\n") + 4;
            interim++;
            bytes = Arrays.copyOfRange(bytes, interimEnd, bytes.length);
            text = text.substring(interimEnd);
        }
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim(),
                    List.of(lines[i].substring(colon + 1).trim()));
        }
        byte[] rest = new byte[bytes.length - end - 4];
        System.arraycopy(bytes, end + 4, rest, 0, rest.length);
        String te = headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Transfer-Encoding"))
                .map(e -> e.getValue().get(0).toLowerCase(Locale.ROOT))
                .findFirst()
                .orElse("");
        if (te.contains("chunked")) {
            rest = dechunk(rest);
        }
        return new RawApi.Exchange(status, headers, rest);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = i;
            while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeText = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
