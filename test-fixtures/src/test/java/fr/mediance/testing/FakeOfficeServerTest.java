package fr.mediance.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Tus;
import fr.mediance.protocol.json.MedianceJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the fake does beyond the contract: its options and its own failures. */
class FakeOfficeServerTest {
    private static final Gson GSON = MedianceJson.gson();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aHandlerThatFailsIsAnsweredWithA500Problem() throws Exception {
        try (FakeOfficeServer server = new FakeOfficeServer()) {
            String token = login(server);
            String upload = createUpload(server, token);
            server.onPatch(n -> {
                throw new IllegalStateException("a bug in a handler");
            });

            HttpResponse<String> r = http.send(patch(server, token, upload), HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(500);
            ProblemDto p = GSON.fromJson(r.body(), ProblemDto.class);
            assertThat(p.code()).isEqualTo("internal_error");
            assertThat(p.title()).isEqualTo("Erreur interne du serveur");
            assertThat(p.detail()).doesNotContain("IllegalStateException", "a bug");
        }
    }

    @Test
    void byDefaultAThumbnailIsATextNamingTheBlob() throws Exception {
        try (FakeOfficeServer server = new FakeOfficeServer()) {
            byte[] photo = TestImages.smallBill();
            server.putBlob(photo);

            byte[] thumbnail = thumbnail(server, login(server), FakeOfficeServer.sha256Hex(photo));

            assertThat(thumbnail).isEqualTo(FakeOfficeServer.thumbnailOf(FakeOfficeServer.sha256Hex(photo)));
        }
    }

    @Test
    void forTheScreensAThumbnailIsThePhotoItself() throws Exception {
        try (FakeOfficeServer server = new FakeOfficeServer(FakeOfficeServer.Options.forScreens())) {
            byte[] photo = TestImages.smallBill();
            server.putBlob(photo);

            assertThat(thumbnail(server, login(server), FakeOfficeServer.sha256Hex(photo)))
                    .isEqualTo(photo);
        }
    }

    @Test
    void forTheScreensARequestHeldOnTheServerDoesNotHoldTheOthers() throws Exception {
        try (FakeOfficeServer server = new FakeOfficeServer(FakeOfficeServer.Options.forScreens())) {
            String token = login(server);
            String upload = createUpload(server, token);
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            server.onPatch(n -> {
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            CompletableFuture<HttpResponse<String>> patch =
                    http.sendAsync(patch(server, token, upload), HttpResponse.BodyHandlers.ofString());
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

            HttpResponse<String> users = http.send(
                    HttpRequest.newBuilder(URI.create(server.url() + ApiPaths.USERS))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(patch).isNotDone();
            release.countDown();
            assertThat(patch.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
        }
    }

    private String login(FakeOfficeServer server) throws Exception {
        server.addUser("u-c1", "conseil1", "mot-de-passe", Role.COUNSELLOR);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server.url() + ApiPaths.LOGIN))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(GSON.toJson(
                                new LoginRequest("conseil1", "mot-de-passe", "tablette"), LoginRequest.class)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return GSON.fromJson(r.body(), LoginResponse.class).accessToken();
    }

    private static final byte[] FILE = "%PDF-1.4 une page".getBytes(StandardCharsets.US_ASCII);

    private String createUpload(FakeOfficeServer server, String token) throws Exception {
        String sha = Base64.getEncoder()
                .encodeToString(FakeOfficeServer.sha256Hex(FILE).getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server.url() + ApiPaths.UPLOADS))
                        .header("Authorization", "Bearer " + token)
                        .header(Tus.TUS_RESUMABLE, Tus.VERSION)
                        .header(Tus.UPLOAD_LENGTH, Integer.toString(FILE.length))
                        .header(Tus.UPLOAD_METADATA, Tus.META_SHA256 + " " + sha)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(201);
        return r.headers().firstValue("Location").orElseThrow();
    }

    private static HttpRequest patch(FakeOfficeServer server, String token, String upload) throws Exception {
        String checksum = Base64.getEncoder()
                .encodeToString(
                        java.security.MessageDigest.getInstance("SHA-256").digest(FILE));
        return HttpRequest.newBuilder(URI.create(server.url() + upload))
                .header("Authorization", "Bearer " + token)
                .header(Tus.TUS_RESUMABLE, Tus.VERSION)
                .header("Content-Type", Tus.OFFSET_OCTET_STREAM)
                .header(Tus.UPLOAD_OFFSET, "0")
                .header(Tus.UPLOAD_CHECKSUM, "sha256 " + checksum)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(FILE))
                .build();
    }

    private byte[] thumbnail(FakeOfficeServer server, String token, String sha) throws Exception {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(URI.create(server.url() + ApiPaths.blob(sha) + "/thumbnail"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
