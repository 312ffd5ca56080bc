package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.RefreshRequest;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.UserDto;
import fr.mediance.protocol.UsersResponse;
import fr.mediance.server.TestServer.Response;
import fr.mediance.server.auth.AuthService;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthTest {
    @TempDir
    Path dir;

    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.demo(TestDatabase.sqlite(dir), dir);
    }

    @AfterEach
    void stop() {
        server.close();
        server.db.close();
    }

    @Test
    void loginAnswersTokensAndTheAccount() {
        LoginResponse login = server.session("conseil1", "tablette-1");
        assertThat(login.user())
                .isEqualTo(new UserDto("demo-conseil1", "conseil1", "Nadia Haddad", Role.COUNSELLOR, "demo-structure"));
        assertThat(login.accessToken()).matches("[A-Za-z0-9_-]{43}");
        assertThat(login.refreshToken()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(login.accessToken());
        assertThat(login.accessExpiresAt()).isEqualTo(TestServer.START.plus(AuthService.ACCESS_TTL));
        assertThat(login.refreshExpiresAt()).isEqualTo(TestServer.START.plus(AuthService.REFRESH_TTL));
        assertThat(server.get(ApiPaths.ME, login.accessToken()).as(UserDto.class))
                .isEqualTo(login.user());
        assertThat(server.count(
                        "SELECT COUNT(*) FROM devices WHERE user_id = 'demo-conseil1' AND device_id = ?", "tablette-1"))
                .isEqualTo(1);
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        LoginResponse login = server.session("conseil1", "tablette-1");
        assertThat(server.count("SELECT COUNT(*) FROM access_tokens WHERE token_hash = ?", login.accessToken()))
                .isZero();
        assertThat(server.count("SELECT COUNT(*) FROM access_tokens")).isEqualTo(1);
        assertThat(server.sql("SELECT token_hash FROM refresh_tokens")).matches("[0-9a-f]{64}");
    }

    @Test
    void wrongPasswordIs401() {
        Response r = server.login("conseil1", "mauvais", "tablette-1");
        assertThat(r.status()).isEqualTo(401);
        ProblemDto p = r.problem();
        assertThat(p.code()).isEqualTo("invalid_credentials");
        assertThat(p.detail()).isEqualTo("Identifiant ou mot de passe incorrect.");
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword() {
        Response unknown = server.login("personne", "mauvais", "tablette-1");
        Response wrong = server.login("conseil1", "mauvais", "tablette-1");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.problem().detail()).isEqualTo(wrong.problem().detail());
        assertThat(unknown.problem().code()).isEqualTo(wrong.problem().code());
    }

    @Test
    void passwordIsStoredAsAnArgon2idHash() {
        String hash = server.sql("SELECT password_hash FROM users WHERE username = 'conseil1'");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(TestServer.PASSWORD);
        assertThat(server.count(
                        "SELECT COUNT(*) FROM users WHERE password_hash LIKE ?", "%" + TestServer.PASSWORD + "%"))
                .isZero();
    }

    @Test
    void accessTokenExpiresAfterFifteenMinutes() {
        String token = server.token("conseil1");
        server.clock.advance(Duration.ofMinutes(14));
        assertThat(server.get(ApiPaths.ME, token).status()).isEqualTo(200);
        server.clock.advance(Duration.ofMinutes(1));
        Response r = server.get(ApiPaths.ME, token);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.problem().code()).isEqualTo("token_expired");
    }

    @Test
    void refreshRotatesTheRefreshToken() {
        LoginResponse first = server.session("conseil1", "tablette-1");
        server.clock.advance(Duration.ofMinutes(20));
        LoginResponse second = server.post(
                        ApiPaths.REFRESH, null, new RefreshRequest(first.refreshToken(), "tablette-1"))
                .as(LoginResponse.class);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessExpiresAt()).isEqualTo(server.clock.instant().plus(AuthService.ACCESS_TTL));
        assertThat(server.get(ApiPaths.ME, second.accessToken()).status()).isEqualTo(200);
        LoginResponse third = server.post(
                        ApiPaths.REFRESH, null, new RefreshRequest(second.refreshToken(), "tablette-1"))
                .as(LoginResponse.class);
        assertThat(third.user().username()).isEqualTo("conseil1");
    }

    @Test
    void reusingAnOldRefreshTokenAfterItsSuccessorWasUsedRevokesTheDevice() {
        LoginResponse first = server.session("conseil1", "tablette-1");
        LoginResponse second = refresh(first);
        LoginResponse third = refresh(second);

        Response reuse = server.post(ApiPaths.REFRESH, null, new RefreshRequest(first.refreshToken(), "tablette-1"));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.problem().code()).isEqualTo("refresh_reused");

        assertThat(server.get(ApiPaths.ME, third.accessToken()).status()).isEqualTo(401);
        Response legit = server.post(ApiPaths.REFRESH, null, new RefreshRequest(third.refreshToken(), "tablette-1"));
        assertThat(legit.status()).isEqualTo(401);
        assertThat(legit.problem().code()).isEqualTo("invalid_refresh");
    }

    @Test
    void aRefreshWhoseAnswerWasLostCanBeRetriedAndTheUnreceivedPairIsVoided() {
        LoginResponse first = server.session("conseil1", "tablette-1");
        LoginResponse lost = refresh(first);
        server.clock.advance(Duration.ofSeconds(30));

        LoginResponse retried = refresh(first);
        assertThat(retried.refreshToken()).isNotEqualTo(lost.refreshToken());
        // (its access token is not used here: once used, the old refresh token is no longer taken back)
        assertThat(server.get(ApiPaths.ME, lost.accessToken()).status()).isEqualTo(401);
        Response lostRefresh =
                server.post(ApiPaths.REFRESH, null, new RefreshRequest(lost.refreshToken(), "tablette-1"));
        assertThat(lostRefresh.status()).isEqualTo(401);

        LoginResponse retriedAgain = refresh(first); // a second lost answer
        assertThat(server.get(ApiPaths.ME, retried.accessToken()).status()).isEqualTo(401);
        assertThat(refresh(retriedAgain).accessToken()).isNotBlank();
    }

    @Test
    void anOldRefreshTokenPresentedAfterTheGraceRevokesTheDeviceEvenIfItsSuccessorWasNotUsed() {
        LoginResponse first = server.session("conseil1", "tablette-1");
        LoginResponse second = refresh(first);
        server.clock.advance(AuthService.RETRY_GRACE.plusSeconds(1));

        Response reuse = server.post(ApiPaths.REFRESH, null, new RefreshRequest(first.refreshToken(), "tablette-1"));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.problem().code()).isEqualTo("refresh_reused");
        assertThat(server.post(ApiPaths.REFRESH, null, new RefreshRequest(second.refreshToken(), "tablette-1"))
                        .status())
                .isEqualTo(401);
    }

    private LoginResponse refresh(LoginResponse pair) {
        Response r = server.post(ApiPaths.REFRESH, null, new RefreshRequest(pair.refreshToken(), "tablette-1"));
        assertThat(r.status()).isEqualTo(200);
        return r.as(LoginResponse.class);
    }

    @Test
    void refreshTokenIsBoundToItsDevice() {
        LoginResponse login = server.session("conseil1", "tablette-1");
        Response r = server.post(ApiPaths.REFRESH, null, new RefreshRequest(login.refreshToken(), "autre-tablette"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.problem().code()).isEqualTo("invalid_refresh");
    }

    @Test
    void refreshTokenExpiresAfterThirtyDays() {
        LoginResponse login = server.session("conseil1", "tablette-1");
        server.clock.advance(AuthService.REFRESH_TTL);
        Response r = server.post(ApiPaths.REFRESH, null, new RefreshRequest(login.refreshToken(), "tablette-1"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.problem().code()).isEqualTo("refresh_expired");
    }

    @Test
    void logoutRevokesTheDevicesTokens() {
        LoginResponse login = server.session("conseil1", "tablette-1");
        Response out = server.send(server.request(ApiPaths.LOGOUT, login.accessToken())
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(out.status()).isEqualTo(204);
        assertThat(server.get(ApiPaths.ME, login.accessToken()).status()).isEqualTo(401);
        assertThat(server.post(ApiPaths.REFRESH, null, new RefreshRequest(login.refreshToken(), "tablette-1"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void failuresFromOneSourceAreSlowedDownThenLetThroughAfterTheDelay() {
        for (int i = 0; i < 5; i++) {
            assertThat(server.login("conseil2", "mauvais-" + i, "t").status()).isEqualTo(401);
        }
        Response throttled = server.login("conseil2", TestServer.PASSWORD, "t");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.problem().code()).isEqualTo("too_many_attempts");
        assertThat(throttled.problem().detail()).contains("réessayez dans 30 secondes");

        server.clock.advance(Duration.ofSeconds(30));
        assertThat(server.login("conseil2", "encore-faux", "t").status()).isEqualTo(401);
        assertThat(server.login("conseil2", TestServer.PASSWORD, "t").problem().detail())
                .contains("1 minute");
        server.clock.advance(Duration.ofMinutes(1));
        assertThat(server.login("conseil2", TestServer.PASSWORD, "t").status()).isEqualTo(200);
        assertThat(server.count("SELECT failed_logins FROM users WHERE username = 'conseil2'"))
                .isZero();
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        for (int i = 0; i < 4; i++) {
            server.login("conseil2", "mauvais", "t");
        }
        assertThat(server.login("conseil2", TestServer.PASSWORD, "t").status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(server.login("conseil2", "mauvais", "t").status()).isEqualTo(401);
        }
        assertThat(server.login("conseil2", TestServer.PASSWORD, "t").status()).isEqualTo(200);
    }

    @Test
    void manySuccessfulLoginsFromOneAddressAreNeverThrottled() {
        for (int i = 0; i < 12; i++) {
            assertThat(server.login(i % 2 == 0 ? "conseil1" : "coord", TestServer.PASSWORD, "poste-" + i)
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void usersListsTheStructureAndFiltersByRole() {
        String token = server.token("coord");
        UsersResponse all = server.get(ApiPaths.USERS, token).as(UsersResponse.class);
        assertThat(all.users())
                .extracting(UserDto::username)
                .containsExactlyInAnyOrder("admin", "coord", "conseil1", "conseil2", "bureau");
        UsersResponse counsellors =
                server.get(ApiPaths.USERS + "?role=counsellor", token).as(UsersResponse.class);
        assertThat(counsellors.users()).extracting(UserDto::username).containsExactly("conseil2", "conseil1");
        assertThat(server.get(ApiPaths.USERS + "?role=chef", token).problem().code())
                .isEqualTo("invalid_role");
    }

    /** Defect 1: 25 wrong passwords at once used to leave a count of 1 (read, then write an absolute value). */
    @Test
    void concurrentWrongPasswordsAreEachCounted() throws Exception {
        int n = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return server.login("conseil2", "mauvais-" + k, "inconnu-" + k)
                            .status();
                }));
            }
            go.countDown();
            int wrong = 0;
            for (var a : answers) {
                int status = a.get();
                assertThat(status).isIn(401, 429);
                if (status == 401) {
                    wrong++;
                }
            }
            assertThat(server.count("SELECT failed_logins FROM users WHERE username = 'conseil2'"))
                    .isEqualTo(wrong);
            assertThat(wrong).isGreaterThan(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Defect 2: an old refresh token replayed within the grace took the session over after its successor was used. */
    @Test
    void anOldRefreshTokenReplayedAfterTheNewAccessTokenWasUsedRevokesTheDevice() {
        LoginResponse first = server.session("conseil1", "tablette-1");
        LoginResponse second = refresh(first);
        assertThat(server.get(ApiPaths.ME, second.accessToken()).status()).isEqualTo(200);
        server.clock.advance(Duration.ofSeconds(30));

        Response replay = server.post(ApiPaths.REFRESH, null, new RefreshRequest(first.refreshToken(), "tablette-1"));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.problem().code()).isEqualTo("refresh_reused");
        assertThat(server.get(ApiPaths.ME, second.accessToken()).status()).isEqualTo(401);
        assertThat(server.post(ApiPaths.REFRESH, null, new RefreshRequest(second.refreshToken(), "tablette-1"))
                        .status())
                .isEqualTo(401);
    }

    /** Defect 11: the lock answered 429 only for real accounts, and locked the colleague out. */
    @Test
    void anUnknownAccountIsAnsweredExactlyLikeARealOne() {
        for (int i = 0; i < 12; i++) {
            Response real = server.login("conseil2", "mauvais-" + i, "x-" + i);
            Response unknown = server.login("personne", "mauvais-" + i, "y-" + i);
            assertThat(unknown.status()).as("attempt %s", i).isEqualTo(real.status());
            assertThat(unknown.problem().code()).isEqualTo(real.problem().code());
            assertThat(unknown.problem().detail()).isEqualTo(real.problem().detail());
        }
    }

    /** Defect 11: wrong passwords from elsewhere no longer lock the account's own tablet out. */
    @Test
    void anAttackerDoesNotLockTheColleagueOutOfHerOwnTablet() {
        assertThat(server.login("conseil2", TestServer.PASSWORD, "tablette-de-conseil2")
                        .status())
                .isEqualTo(200);
        int throttled = 0;
        for (int i = 0; i < 30; i++) {
            int status = server.login("conseil2", "mauvais-" + i, "pirate-" + i).status();
            if (status == 429) {
                throttled++;
            }
        }
        assertThat(throttled).as("brute force is slowed down").isGreaterThan(0);
        Response attacker = server.login("conseil2", TestServer.PASSWORD, "pirate-x");
        assertThat(attacker.status()).isEqualTo(429);
        assertThat(server.login("conseil2", TestServer.PASSWORD, "tablette-de-conseil2")
                        .status())
                .isEqualTo(200);
    }
}
