package fr.mediance.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS served by the server itself from a PKCS12 keystore, and the addresses of the reverse proxies whose
 * {@code X-Forwarded-For} / {@code Forwarded} headers are believed (anyone else's are ignored).
 */
public final class Https {
    private Https() {}

    /** A keystore and its password. The password comes from the environment, never the command line. */
    public record Keystore(Path file, char[] password) {
        @Override
        public String toString() {
            return "Keystore[" + file + "]";
        }
    }

    /**
     * Loads a PKCS12 keystore now, so that a wrong file or password stops the start with a clear French message
     * rather than the first client's handshake failing.
     */
    public static KeyStore load(Keystore k) {
        try (InputStream in = Files.newInputStream(k.file())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, k.password());
            boolean hasKey = false;
            for (String alias : Collections.list(ks.aliases())) {
                hasKey |= ks.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new IllegalArgumentException(
                        "le magasin de clés " + k.file() + " ne contient aucune clé privée (certificat du serveur).");
            }
            return ks;
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "le magasin de clés " + k.file() + " ne peut pas être lu (fichier absent, ou mot de passe "
                            + "MEDIANCE_TLS_KEYSTORE_PASSWORD incorrect).",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "le magasin de clés " + k.file() + " n'est pas un fichier PKCS12 utilisable.", e);
        }
    }

    /** An HTTPS connector (TLS 1.2 and 1.3 only) on {@code port} for Javalin's {@code addConnector}. */
    public static ServerConnector connector(Server server, HttpConfiguration base, Keystore k, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(load(k));
        ssl.setKeyStorePassword(new String(k.password()));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(base);
        // the certificate may name the host by an address or a name the client does not use: no SNI check
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector c = new ServerConnector(
                server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        c.setPort(port);
        return c;
    }

    /**
     * Believes the forwarding headers ({@code Forwarded}, {@code X-Forwarded-For}, {@code -Proto}, {@code -Host})
     * of a request only when it comes straight from one of {@code proxies}; for anyone else they are ignored, so
     * a client cannot choose the address the server sees (and throttles) by sending one.
     */
    public static HttpConfiguration.Customizer trustedProxies(Set<InetAddress> proxies) {
        Set<InetAddress> trusted = Set.copyOf(proxies);
        ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();
        return new HttpConfiguration.Customizer() {
            @Override
            public Request customize(Request request, HttpFields.Mutable responseHeaders) {
                SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
                if (remote instanceof InetSocketAddress inet && trusted.contains(inet.getAddress())) {
                    return forwarded.customize(request, responseHeaders);
                }
                return request;
            }
        };
    }

    /** Parses {@code 10.0.0.5,::1}: addresses only (never names, which would need a lookup at each start). */
    public static Set<InetAddress> parseAddresses(String list) {
        Set<InetAddress> out = new HashSet<>();
        for (String part : list.split(",")) {
            String a = part.trim();
            if (a.isEmpty()) {
                continue;
            }
            if (!a.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
                throw new IllegalArgumentException("« " + a + " » n'est pas une adresse IP.");
            }
            try {
                out.add(InetAddress.getByName(a));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("« " + a + " » n'est pas une adresse IP.", e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("aucune adresse de mandataire inverse.");
        }
        return out;
    }
}
