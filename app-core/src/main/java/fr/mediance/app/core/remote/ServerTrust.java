package fr.mediance.app.core.remote;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Trust on first use of the office server's certificate. At enrolment (the first login of a device) the server's
 * certificate is accepted, whoever signed it (structures often run a self-signed one on their own network), and
 * the SHA-256 of its public key is remembered ({@code sha256/…} as in HTTP public key pinning); the device keeps it
 * inside its encrypted store. Every later connection must present the same public key, or it is refused before a
 * byte is sent ({@link CertificateChangedException}, told to the user in French): a certificate renewed with the
 * same key stays accepted, another key needs a new enrolment. A man in the middle at the very first login is not
 * detected: enrol devices on the structure's own network.
 */
public final class ServerTrust {
    /** The server presented another key than the one remembered at enrolment. */
    public static final class CertificateChangedException extends CertificateException {
        CertificateChangedException() {
            super("the server's certificate is not the one remembered at enrolment");
        }
    }

    private final String pinned;
    private final Consumer<String> onFirstUse;
    private volatile String seen;

    private ServerTrust(String pinned, Consumer<String> onFirstUse) {
        this.pinned = pinned;
        this.onFirstUse = onFirstUse;
    }

    /** Enrolment: any certificate, remembered ({@link #seen()}); {@code onFirstUse} may be null. */
    public static ServerTrust firstUse(Consumer<String> onFirstUse) {
        return new ServerTrust(null, onFirstUse);
    }

    /** Only the server whose public key hashes to {@code pin} ({@code sha256/<base64>}). */
    public static ServerTrust pinned(String pin) {
        if (pin == null || !pin.startsWith("sha256/")) {
            throw new IllegalArgumentException("not a pin: " + pin);
        }
        return new ServerTrust(pin, null);
    }

    /** The remembered pin, if any. */
    public Optional<String> pin() {
        return Optional.ofNullable(pinned);
    }

    /** The pin of the last certificate accepted. */
    public Optional<String> seen() {
        return Optional.ofNullable(seen);
    }

    /** {@code sha256/<base64>} of a certificate's public key (SubjectPublicKeyInfo). */
    public static String pinOf(X509Certificate certificate) {
        try {
            byte[] spki = certificate.getPublicKey().getEncoded();
            return "sha256/"
                    + Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of {@code base} that checks the server's certificate this way. */
    public OkHttpClient apply(OkHttpClient base) {
        X509TrustManager tm = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("no client certificates");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                if (chain == null || chain.length == 0) {
                    throw new CertificateException("no server certificate");
                }
                String pin = pinOf(chain[0]);
                if (pinned != null && !pinned.equals(pin)) {
                    throw new CertificateChangedException();
                }
                if (pinned == null && seen == null && onFirstUse != null) {
                    onFirstUse.accept(pin);
                }
                seen = pin;
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            return base.newBuilder()
                    .sslSocketFactory(ctx.getSocketFactory(), tm)
                    // the public key is the identity (a self-signed certificate may not name the address typed)
                    .hostnameVerifier((host, session) -> true)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an exception (or one of its causes) is a refused certificate change. */
    public static boolean isCertificateChange(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertificateChangedException) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether an address sends in clear text to another machine: {@code http://} to anything but
     * {@code localhost}, {@code 127.0.0.1} or {@code ::1}.
     */
    public static boolean isPlainHttpToAnotherMachine(HttpUrl url) {
        if (url == null || url.isHttps()) {
            return false;
        }
        String host = url.host().toLowerCase(Locale.ROOT);
        return !(host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]"));
    }
}
