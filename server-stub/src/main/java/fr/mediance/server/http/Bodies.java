package fr.mediance.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Request bodies read only when a route decides to, so that a refusal comes before the bytes are asked for. */
public final class Bodies {
    private Bodies() {}

    /**
     * Whether the client waits for {@code 100 Continue} before sending its body: a refusal then costs it nothing,
     * and the body must not be read (reading it is what makes the server send the {@code 100}).
     */
    public static boolean expectsContinue(Context ctx) {
        String expect = ctx.header("Expect");
        return expect != null && expect.toLowerCase(Locale.ROOT).contains("100-continue");
    }

    /** The request body, opened at its first read. */
    public static InputStream lazy(Context ctx) {
        return new InputStream() {
            private InputStream in;

            private InputStream in() throws IOException {
                if (in == null) {
                    in = ctx.req().getInputStream();
                }
                return in;
            }

            @Override
            public int read() throws IOException {
                return in().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in().read(b, off, len);
            }
        };
    }
}
