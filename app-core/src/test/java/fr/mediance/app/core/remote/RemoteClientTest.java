package fr.mediance.app.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.HealthDto;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.UsersResponse;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.testing.FakeOfficeServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemoteClientTest {
    final FakeOfficeServer server = new FakeOfficeServer();
    final TokenStore tokens = TokenStore.inMemory();

    {
        server.addUser("u1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    RemoteClient client() {
        return new RemoteClient(server.url(), "device-1", tokens, TestCores.http());
    }

    @Test
    void bodiesGoThroughTheProductsReflectionFreeGson() {
        assertThat(RemoteClient.gson()).isSameAs(MedianceJson.gson());
        // a reflective Gson would coerce 5 to "5"; the product's adapter refuses it with its French message
        server.answerRaw(ApiPaths.HEALTH, "{\"status\": 5}");
        RemoteResult<HealthDto> r = client().health();
        assertThat(r)
                .isInstanceOfSatisfying(
                        RemoteResult.NetworkError.class,
                        e -> assertThat(e.reason()).contains("Le champ « status » doit être un texte."));
    }

    @Test
    void whichBlobsTheServerHoldsIsAskedInBatchesOfTheLimit() {
        byte[] first = "premier".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] last = "dernier".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] notAsked = "autre".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.putBlob(first);
        server.putBlob(last);
        server.putBlob(notAsked);
        java.util.List<String> asked = new java.util.ArrayList<>();
        asked.add(fr.mediance.app.core.store.Crypto.sha256Hex(first));
        for (int i = 1; i < fr.mediance.protocol.Limits.MAX_BLOBS_HELD_QUERY; i++) {
            asked.add(String.format("%064x", i));
        }
        asked.add(fr.mediance.app.core.store.Crypto.sha256Hex(last)); // the first of a second request
        RemoteClient client = client();
        assertThat(client.login("conseil1", TestCores.PASSWORD.toCharArray()).isOk())
                .isTrue();

        RemoteResult<java.util.Set<String>> r = client.blobsHeld(asked);

        assertThat(r).isEqualTo(new RemoteResult.Ok<>(java.util.Set.of(asked.get(0), asked.get(asked.size() - 1))));
    }

    @Test
    void loginStoresTheTokens() {
        RemoteResult<LoginResponse> r = client().login("conseil1", TestCores.PASSWORD.toCharArray());
        assertThat(r.isOk()).isTrue();
        assertThat(tokens.accessToken()).isPresent();
        assertThat(tokens.refreshToken()).isPresent();
    }

    @Test
    void aProblemDocumentBecomesAFrenchMessage() {
        RemoteResult<LoginResponse> r = client().login("conseil1", "faux".toCharArray());
        assertThat(r).isInstanceOf(RemoteResult.Unauthorised.class);
        assertThat(r.userMessage()).isEqualTo("Identifiant ou mot de passe incorrect.");
        assertThat(r.problemCode()).isEqualTo("invalid_credentials");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheCallRetried() {
        RemoteClient c = client();
        c.login("conseil1", TestCores.PASSWORD.toCharArray());
        String before = tokens.accessToken().orElseThrow();
        server.expireAccessTokens();

        RemoteResult<UsersResponse> r = c.users(null);

        assertThat(r.isOk()).isTrue();
        assertThat(server.refreshes.get()).isEqualTo(1);
        assertThat(server.unauthorisedPaths).containsExactly(ApiPaths.USERS);
        assertThat(tokens.accessToken()).isPresent().get().isNotEqualTo(before);
    }

    @Test
    void aRefusedRefreshEndsTheSession() {
        RemoteClient c = client();
        c.login("conseil1", TestCores.PASSWORD.toCharArray());
        server.endSessions();

        RemoteResult<UsersResponse> r = c.users(null);

        assertThat(r).isInstanceOf(RemoteResult.Unauthorised.class);
        assertThat(tokens.refreshToken()).isEmpty();
        assertThat(server.refreshes.get()).isEqualTo(1);
    }

    @Test
    void noAnswerIsANetworkErrorNotAnException() {
        RemoteClient c = client();
        server.goOffline();
        RemoteResult<HealthDto> r = c.health();
        assertThat(r).isInstanceOf(RemoteResult.NetworkError.class);
        assertThat(r.userMessage()).startsWith("Serveur injoignable");
    }

    @Test
    void aServerErrorIsAValue() {
        server.fail(ApiPaths.HEALTH, 503);
        RemoteResult<HealthDto> r = client().health();
        assertThat(r)
                .isInstanceOfSatisfying(
                        RemoteResult.ServerError.class,
                        e -> assertThat(e.status()).isEqualTo(503));
        assertThat(r.userMessage()).contains("503");
    }

    @Test
    void aBlobReceiptForOtherBytesIsNotAnUpload() {
        RemoteClient c = client();
        c.login("conseil1", TestCores.PASSWORD.toCharArray());
        String sha = "ab".repeat(32);
        server.answerRaw(
                ApiPaths.blob(sha), "{\"sha256\":\"" + "cd".repeat(32) + "\",\"sizeBytes\":3,\"created\":true}");
        assertThat(c.putBlob(sha, new byte[] {1, 2, 3})).isInstanceOf(RemoteResult.ServerError.class);
    }

    @Test
    void aDownloadedBlobIsCheckedAgainstItsHash() {
        RemoteClient c = client();
        c.login("conseil1", TestCores.PASSWORD.toCharArray());
        byte[] bytes = {1, 2, 3, 4};
        server.putBlob(bytes);
        String sha = fr.mediance.app.core.store.Crypto.sha256Hex(bytes);
        assertThat(c.getBlob(sha).value()).isEqualTo(bytes);
        assertThat(c.blobExists(sha).value()).isTrue();
        assertThat(c.blobExists("00".repeat(32)).value()).isFalse();
    }

    @Test
    void serverAddressesAreNormalised() {
        assertThat(RemoteClient.normaliseServerUrl("bureau.example.fr")
                        .orElseThrow()
                        .toString())
                .isEqualTo("https://bureau.example.fr/");
        assertThat(RemoteClient.normaliseServerUrl("http://127.0.0.1:8080")
                        .orElseThrow()
                        .toString())
                .isEqualTo("http://127.0.0.1:8080/");
        assertThat(RemoteClient.normaliseServerUrl("ftp://x")).isEmpty();
        assertThat(RemoteClient.normaliseServerUrl("  ")).isEmpty();
    }
}
