package fr.mediance.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import fr.mediance.protocol.Accounts;
import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.BlobStatusDto;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.Problems;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.RefreshRequest;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Totp;
import fr.mediance.protocol.Tus;
import fr.mediance.protocol.UserDto;
import fr.mediance.protocol.UsersResponse;
import fr.mediance.protocol.json.MedianceJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The HTTP behaviour of the office server that the client relies on, as plain requests on the wire: login and
 * refresh, push idempotent by opId, the change feed by cursor, resumable uploads (create, append, offset), blob
 * status, {@code application/problem+json} errors with French titles and messages, what each role may do.
 * <p>
 * Run against the real server (system-tests: {@code RealServerContractTest}, the server as its own process with
 * its demo accounts) and against {@link FakeOfficeServer} (this module's {@code FakeOfficeServerContractTest}).
 * When they differ, the fake is changed: this is what keeps the fake the client's tests run against true to the
 * server.
 * <p>
 * A subclass gives the server's address and the password of the four demo accounts ({@link #COUNSELLOR},
 * {@link #OTHER_COUNSELLOR}, {@link #COORDINATOR}, {@link #OFFICE}), on one structure. The server may be shared
 * by every test of the class: each test makes its own records (fresh ids) and reads the feed from the cursor it
 * found at its start.
 */
public abstract class OfficeContract {
    public static final String COUNSELLOR = "conseil1";
    public static final String OTHER_COUNSELLOR = "conseil2";
    public static final String COORDINATOR = "coord";
    public static final String OFFICE = "bureau";

    private static final Gson GSON = MedianceJson.gson();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** The server under test, e.g. {@code http://127.0.0.1:8080}. */
    protected abstract URI baseUrl();

    /** The password of the four accounts. */
    protected abstract String password();

    // ------------------------------------------------------------ login and refresh

    @Test
    void loginAnswersTokensAndTheAccountWithItsRole() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Session s = login(COUNSELLOR);

        assertThat(s.login.accessToken()).isNotBlank();
        assertThat(s.login.refreshToken()).isNotBlank().isNotEqualTo(s.login.accessToken());
        assertThat(s.login.accessExpiresAt()).isAfter(before);
        assertThat(s.login.refreshExpiresAt()).isAfter(s.login.accessExpiresAt());
        assertThat(s.user().username()).isEqualTo(COUNSELLOR);
        assertThat(s.user().role()).isEqualTo(Role.COUNSELLOR);
        assertThat(s.user().structureId()).isNotBlank();
        assertThat(s.get(ApiPaths.USERS).json(UsersResponse.class).users())
                .extracting(UserDto::username)
                .contains(COUNSELLOR, OTHER_COUNSELLOR, COORDINATOR, OFFICE);
        assertThat(login(COORDINATOR).user().role()).isEqualTo(Role.COORDINATOR);
        assertThat(login(OFFICE).user().role()).isEqualTo(Role.OFFICE);
    }

    @Test
    void aWrongPasswordIsRefusedWithAFrenchProblem() {
        Answer a = post(
                ApiPaths.LOGIN, null, new LoginRequest(COUNSELLOR, password() + "-faux", newId()), LoginRequest.class);

        assertProblem(a, 401, "invalid_credentials", ApiPaths.LOGIN);
    }

    @Test
    void aRequestWithoutAValidAccessTokenIsRefused() {
        assertProblem(send("GET", ApiPaths.USERS, null, Map.of(), null), 401, "unauthenticated", ApiPaths.USERS);
        assertProblem(send("GET", ApiPaths.USERS, "not-a-token", Map.of(), null), 401, "invalid_token", ApiPaths.USERS);
    }

    @Test
    void aRefreshAnswersANewPairThatWorks() {
        Session s = login(COUNSELLOR);

        LoginResponse next = s.refresh(s.login.refreshToken()).json(LoginResponse.class);

        assertThat(next.accessToken()).isNotBlank().isNotEqualTo(s.login.accessToken());
        assertThat(next.refreshToken()).isNotBlank().isNotEqualTo(s.login.refreshToken());
        assertThat(next.user().username()).isEqualTo(COUNSELLOR);
        assertThat(send("GET", ApiPaths.USERS, next.accessToken(), Map.of(), null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aRefreshWhoseAnswerWasLostIsAnsweredAgainWhileItsSuccessorIsUnused() {
        Session s = login(COUNSELLOR);
        LoginResponse lost = s.refresh(s.login.refreshToken()).json(LoginResponse.class);

        LoginResponse again = s.refresh(s.login.refreshToken()).json(LoginResponse.class);

        assertThat(again.refreshToken()).isNotEqualTo(lost.refreshToken());
        assertThat(send("GET", ApiPaths.USERS, again.accessToken(), Map.of(), null)
                        .status())
                .isEqualTo(200);
        assertProblem(s.refresh(lost.refreshToken()), 401, null, ApiPaths.REFRESH);
    }

    @Test
    void theOfficeSignsInWithItsSecondFactorOnly() {
        Answer a = post(ApiPaths.LOGIN, null, new LoginRequest(OFFICE, password(), newId()), LoginRequest.class);
        assertProblem(a, 401, Accounts.TOTP_REQUIRED, ApiPaths.LOGIN);
    }

    @Test
    void aRefreshTokenReplayedAfterItsSuccessorsAccessTokenWasUsedEndsTheDevicesSession() {
        Session s = login(COUNSELLOR);
        LoginResponse second = s.refresh(s.login.refreshToken()).json(LoginResponse.class);
        assertThat(send("GET", ApiPaths.USERS, second.accessToken(), Map.of(), null)
                        .status())
                .isEqualTo(200);

        assertProblem(s.refresh(s.login.refreshToken()), 401, "refresh_reused", ApiPaths.REFRESH);
        assertThat(send("GET", ApiPaths.USERS, second.accessToken(), Map.of(), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aRefreshTokenUsedAgainAfterItsSuccessorServedEndsTheDevicesSession() {
        Session s = login(COUNSELLOR);
        LoginResponse second = s.refresh(s.login.refreshToken()).json(LoginResponse.class);
        LoginResponse third = s.refresh(second.refreshToken()).json(LoginResponse.class);

        assertProblem(s.refresh(s.login.refreshToken()), 401, "refresh_reused", ApiPaths.REFRESH);

        assertThat(send("GET", ApiPaths.USERS, third.accessToken(), Map.of(), null)
                        .status())
                .isEqualTo(401);
        assertProblem(s.refresh(third.refreshToken()), 401, null, ApiPaths.REFRESH);
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        Session s = login(COUNSELLOR);

        assertProblem(s.refresh("not-a-refresh-token"), 401, "invalid_refresh", ApiPaths.REFRESH);
    }

    // ------------------------------------------------------------ push and change feed

    @Test
    void aPushRepeatedWithTheSameOpIdIsAppliedOnceAndAnsweredTheSame() {
        Session coord = login(COORDINATOR);
        String cursor = coord.cursorAtEnd();
        ResidentDto resident = resident(coord, null);
        OperationDto op = create(EntityType.RESIDENT, resident);

        OperationResultDto first = coord.push(op).get(0);
        OperationResultDto repeat = coord.push(op).get(0);

        assertThat(first.opId()).isEqualTo(op.opId());
        assertThat(first.status()).isEqualTo(OpStatus.APPLIED);
        assertThat(first.version()).isNotNull();
        assertThat(repeat).isEqualTo(first);
        assertThat(coord.changesSince(cursor).stream().filter(c -> c.entityId().equals(resident.id())))
                .extracting(ChangeDto::version)
                .containsExactly(first.version());
    }

    @Test
    void theFeedGivesTheChangesAfterTheCursorInOrderPageByPage() {
        Session coord = login(COORDINATOR);
        String cursor = coord.cursorAtEnd();
        ResidentDto a = resident(coord, null);
        ResidentDto b = resident(coord, null);
        List<OperationResultDto> results = coord.push(create(EntityType.RESIDENT, a), create(EntityType.RESIDENT, b));
        assertThat(results).extracting(OperationResultDto::status).containsExactly(OpStatus.APPLIED, OpStatus.APPLIED);

        ChangesResponse page = coord.changes(cursor, null);
        List<ChangeDto> ours = page.changes().stream()
                .filter(c -> c.entityId().equals(a.id()) || c.entityId().equals(b.id()))
                .toList();
        assertThat(ours).extracting(ChangeDto::entityId).containsExactly(a.id(), b.id());
        assertThat(ours)
                .extracting(ChangeDto::version)
                .containsExactly(results.get(0).version(), results.get(1).version());
        assertThat(ours).extracting(ChangeDto::entity).containsOnly(EntityType.RESIDENT);
        assertThat(ours.get(0).deleted()).isFalse();
        assertThat(((ResidentDto) ours.get(0).data()).lastName()).isEqualTo(a.lastName());
        assertThat(page.cursor()).isNotEqualTo(cursor);

        ChangesResponse one = coord.changes(cursor, 1);
        assertThat(one.changes()).hasSize(1);
        assertThat(one.hasMore()).isTrue();
        ChangesResponse rest = coord.changes(one.cursor(), null);
        assertThat(rest.changes())
                .extracting(ChangeDto::entityId)
                .doesNotContain(one.changes().get(0).entityId());

        String end = coord.cursorAtEnd();
        ChangesResponse none = coord.changes(end, null);
        assertThat(none.changes()).isEmpty();
        assertThat(none.hasMore()).isFalse();
        assertThat(none.cursor()).isEqualTo(end);
    }

    @Test
    void aCursorTheServerNeverGaveIsRefused() {
        Session coord = login(COORDINATOR);

        assertProblem(
                coord.get(ApiPaths.SYNC_CHANGES + "?" + ApiPaths.PARAM_SINCE + "=abc"),
                400,
                "invalid_cursor",
                ApiPaths.SYNC_CHANGES);
        assertProblem(
                coord.get(ApiPaths.SYNC_CHANGES + "?" + ApiPaths.PARAM_SINCE + "=999999999999"),
                400,
                "invalid_cursor",
                ApiPaths.SYNC_CHANGES);
    }

    // ------------------------------------------------------------ roles

    @Test
    void aCounsellorCreatesAResidentOnlyAsItsReferent() {
        Session counsellor = login(COUNSELLOR);
        Session coord = login(COORDINATOR);
        ResidentDto hers = resident(counsellor, counsellor.user().id());
        ResidentDto forAColleague = resident(counsellor, coord.user().id());

        OperationResultDto created =
                counsellor.push(create(EntityType.RESIDENT, hers)).get(0);
        OperationResultDto refused =
                counsellor.push(create(EntityType.RESIDENT, forAColleague)).get(0);

        assertThat(created.status()).isEqualTo(OpStatus.APPLIED);
        assertThat(refused.status()).isEqualTo(OpStatus.REJECTED);
        assertThat(refused.code()).isEqualTo("forbidden_field");
        assertThat(refused.message()).isNotBlank();
    }

    @Test
    void aCounsellorChangesOnlyTheStatusOfTheirAppointment() {
        Session coord = login(COORDINATOR);
        Session counsellor = login(COUNSELLOR);
        ResidentDto resident = resident(coord, counsellor.user().id());
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        AppointmentDto planned = new AppointmentDto(
                newId(),
                coord.user().structureId(),
                resident.id(),
                counsellor.user().id(),
                "home_visit",
                start,
                start.plus(Duration.ofHours(1)),
                "confirmed",
                null,
                null,
                null);
        List<OperationResultDto> made =
                coord.push(create(EntityType.RESIDENT, resident), create(EntityType.APPOINTMENT, planned));
        assertThat(made).extracting(OperationResultDto::status).containsExactly(OpStatus.APPLIED, OpStatus.APPLIED);
        long version = made.get(1).version();

        AppointmentDto moved = new AppointmentDto(
                planned.id(),
                planned.structureId(),
                planned.residentId(),
                planned.counsellorId(),
                planned.type(),
                start.plus(Duration.ofHours(2)),
                start.plus(Duration.ofHours(3)),
                planned.status(),
                null,
                null,
                null);
        OperationResultDto refused = counsellor
                .push(new OperationDto(
                        newId(), EntityType.APPOINTMENT, planned.id(), version, false, moved, List.of("start", "end")))
                .get(0);
        AppointmentDto cancelled = new AppointmentDto(
                planned.id(),
                planned.structureId(),
                planned.residentId(),
                planned.counsellorId(),
                planned.type(),
                planned.start(),
                planned.end(),
                "cancelled_by_resident",
                null,
                null,
                "resident_ill");
        OperationResultDto accepted = counsellor
                .push(new OperationDto(
                        newId(),
                        EntityType.APPOINTMENT,
                        planned.id(),
                        version,
                        false,
                        cancelled,
                        List.of("status", "statusReason")))
                .get(0);

        assertThat(refused.status()).isEqualTo(OpStatus.REJECTED);
        assertThat(refused.code()).isEqualTo("forbidden_field");
        assertThat(refused.message()).isNotBlank();
        assertThat(accepted.status()).isEqualTo(OpStatus.APPLIED);
    }

    @Test
    void theOfficeDoesNotSendFiles() {
        Session office = login(OFFICE);
        byte[] file = TestImages.scannedPdf(2_000, seed());
        String sha = sha256Hex(file);

        assertProblem(office.createUpload(file.length, sha), 403, "forbidden", ApiPaths.UPLOADS);
        assertProblem(
                office.send(
                        "PUT",
                        ApiPaths.blob(sha),
                        Map.of(ApiPaths.HEADER_CONTENT_SHA256, sha, "Content-Type", "application/octet-stream"),
                        file),
                403,
                "forbidden",
                ApiPaths.blob(sha));
    }

    // ------------------------------------------------------------ resumable uploads and blobs

    @Test
    void theUploadOptionsAreAnnouncedWithoutAnAccount() {
        Answer a = send("OPTIONS", ApiPaths.UPLOADS, null, Map.of(), null);

        assertThat(a.status()).isEqualTo(204);
        assertThat(a.header(Tus.TUS_RESUMABLE)).isEqualTo(Tus.VERSION);
        assertThat(a.header(Tus.TUS_VERSION)).contains(Tus.VERSION);
        assertThat(a.header(Tus.TUS_EXTENSION)).contains("creation", "checksum");
        assertThat(a.header(Tus.TUS_CHECKSUM_ALGORITHM)).contains("sha256");
        assertThat(Long.parseLong(a.header(Tus.TUS_MAX_SIZE))).isEqualTo(Limits.MAX_BLOB_BYTES);
        assertThat(Integer.parseInt(a.header(Tus.CHUNK_SIZE))).isPositive();
        assertThat(Integer.parseInt(a.header(Tus.MAX_CHUNK_SIZE)))
                .isGreaterThanOrEqualTo(Integer.parseInt(a.header(Tus.CHUNK_SIZE)))
                .isLessThanOrEqualTo(Limits.MAX_CHUNK_BYTES);
    }

    @Test
    void anUploadIsCreatedAppendedAndResumedFromTheOffsetTheServerHolds() {
        Session s = login(COUNSELLOR);
        byte[] file = TestImages.scannedPdf(6_000, seed());
        String sha = sha256Hex(file);
        assertThat(s.head(ApiPaths.blob(sha)).status()).as("not there yet").isEqualTo(404);

        Answer created = s.createUpload(file.length, sha);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header(Tus.TUS_RESUMABLE)).isEqualTo(Tus.VERSION);
        assertThat(created.header(Tus.UPLOAD_OFFSET)).isEqualTo("0");
        String location = created.header("Location");
        assertThat(location).startsWith(ApiPaths.UPLOADS + "/");
        String upload = URI.create(location).getPath();

        Answer first = s.patch(upload, 0, Arrays.copyOfRange(file, 0, 2_500));
        assertThat(first.status()).isEqualTo(204);
        assertThat(first.header(Tus.UPLOAD_OFFSET)).isEqualTo("2500");

        Answer held = s.headUpload(upload);
        assertThat(held.status()).isEqualTo(200);
        assertThat(held.header(Tus.UPLOAD_OFFSET)).isEqualTo("2500");
        assertThat(held.header(Tus.UPLOAD_LENGTH)).isEqualTo(Integer.toString(file.length));
        assertThat(held.header("Cache-Control")).contains("no-store");

        assertProblem(s.patch(upload, 0, Arrays.copyOfRange(file, 0, 2_500)), 409, "upload_offset_mismatch", upload);
        byte[] rest = Arrays.copyOfRange(file, 2_500, file.length);
        assertProblem(
                s.send(
                        "PATCH",
                        upload,
                        Map.of(
                                Tus.TUS_RESUMABLE,
                                Tus.VERSION,
                                "Content-Type",
                                Tus.OFFSET_OCTET_STREAM,
                                Tus.UPLOAD_OFFSET,
                                "2500",
                                Tus.UPLOAD_CHECKSUM,
                                "sha256 " + Base64.getEncoder().encodeToString(sha256(file))),
                        rest),
                Tus.STATUS_CHECKSUM_MISMATCH,
                "checksum_mismatch",
                upload);
        assertThat(s.headUpload(upload).header(Tus.UPLOAD_OFFSET))
                .as("a damaged chunk is not kept")
                .isEqualTo("2500");

        Answer last = s.patch(upload, 2_500, rest);
        assertThat(last.status()).isEqualTo(204);
        assertThat(last.header(Tus.UPLOAD_OFFSET)).isEqualTo(Integer.toString(file.length));
        assertThat(s.head(ApiPaths.blob(sha)).status()).isEqualTo(200);
    }

    @Test
    void anUploadLargerThanTheLimitIsRefusedBeforeAnyByte() {
        Session s = login(COUNSELLOR);

        assertProblem(
                s.createUpload(Limits.MAX_BLOB_BYTES + 1, sha256Hex(new byte[] {1})),
                413,
                "upload_too_large",
                ApiPaths.UPLOADS);
    }

    @Test
    void aBlobWhoseBytesDoNotMatchItsNameIsRefused() {
        Session s = login(COUNSELLOR);
        byte[] file = TestImages.scannedPdf(1_000, seed());
        String other = sha256Hex(TestImages.scannedPdf(1_000, seed()));

        assertProblem(
                s.send(
                        "PUT",
                        ApiPaths.blob(other),
                        Map.of(ApiPaths.HEADER_CONTENT_SHA256, other, "Content-Type", "application/octet-stream"),
                        file),
                422,
                "hash_mismatch",
                ApiPaths.blob(other));
        assertThat(s.head(ApiPaths.blob(other)).status()).isEqualTo(404);
    }

    @Test
    void aReceivedBlobOfADocumentReachesTheFeedAsItsStatusAndCanBeDownloaded() {
        Session coord = login(COORDINATOR);
        Session counsellor = login(COUNSELLOR);
        ResidentDto resident = resident(coord, counsellor.user().id());
        assertThat(coord.push(create(EntityType.RESIDENT, resident)).get(0).status())
                .isEqualTo(OpStatus.APPLIED);
        String cursor = counsellor.cursorAtEnd();
        byte[] file = TestImages.scannedPdf(3_000, seed());
        String sha = sha256Hex(file);
        String upload = URI.create(counsellor.createUpload(file.length, sha).header("Location"))
                .getPath();
        assertThat(counsellor.patch(upload, 0, file).status()).isEqualTo(204);
        DocumentDto document = new DocumentDto(
                newId(),
                counsellor.user().structureId(),
                null,
                resident.id(),
                "facture",
                sha,
                "application/pdf",
                file.length,
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                null);
        assertThat(counsellor.push(create(EntityType.DOCUMENT, document)).get(0).status())
                .isEqualTo(OpStatus.APPLIED);

        List<ChangeDto> changes = counsellor.changesSince(cursor);

        assertThat(changes)
                .filteredOn(c -> c.entity() == EntityType.BLOB && c.entityId().equals(sha))
                .isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.data()).isInstanceOf(BlobStatusDto.class);
                    assertThat(((BlobStatusDto) c.data()).sizeBytes()).isEqualTo(file.length);
                });
        Answer download = counsellor.get(ApiPaths.blob(sha));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(file);
    }

    // ------------------------------------------------------------ problem+json

    @Test
    void aPushThatIsNotJsonIsRefusedWithoutWritingAnything() {
        Session coord = login(COORDINATOR);
        String cursor = coord.cursorAtEnd();

        Answer a = coord.send(
                "POST",
                ApiPaths.SYNC_PUSH,
                Map.of("Content-Type", "application/json"),
                "{\"deviceId\": \"d\", \"operations\": [".getBytes(StandardCharsets.UTF_8));

        assertProblem(a, 400, "malformed_json", ApiPaths.SYNC_PUSH);
        assertThat(coord.changes(cursor, null).changes()).isEmpty();
    }

    @Test
    void anUnknownAddressAnswersAFrenchProblem() {
        Session s = login(COUNSELLOR);
        String path = ApiPaths.PREFIX + "/nothing-here";

        assertProblem(s.get(path), 404, "not_found", path);
    }

    // ------------------------------------------------------------ helpers

    /**
     * An {@code application/problem+json} answer: the status in the body too, the stable code (when given) in
     * {@code code} and in the {@code type} URN, the request path as {@code instance}, the French title of the
     * status and a French sentence as detail.
     */
    // ------------------------------------------------------------ rounds: settings and working hours

    @Test
    void theRoundsSettingsAreReadByTheOfficeAndChangedByTheCoordinationOnly() {
        Session coord = login(COORDINATOR);
        Answer read = coord.get(ApiPaths.PLANNING_SETTINGS);
        assertThat(read.status()).as("settings: %s", read).isEqualTo(200);
        fr.mediance.protocol.PlanningSettingsDto before = read.json(fr.mediance.protocol.PlanningSettingsDto.class);
        assertThat(login(OFFICE).get(ApiPaths.PLANNING_SETTINGS).status()).isEqualTo(200);
        Session counsellor = login(COUNSELLOR);
        assertProblem(counsellor.get(ApiPaths.PLANNING_SETTINGS), 403, null, ApiPaths.PLANNING_SETTINGS);
        fr.mediance.protocol.PlanningSettingsDto changed = new fr.mediance.protocol.PlanningSettingsDto(
                "12 boulevard National, 13003 Marseille",
                fr.mediance.protocol.GeoPointDto.manual(43.3106, 5.3849),
                1.4,
                18,
                false,
                null,
                null);
        byte[] body = GSON.toJson(changed).getBytes(StandardCharsets.UTF_8);
        Map<String, String> json = Map.of("Content-Type", "application/json");
        assertProblem(
                counsellor.send("PUT", ApiPaths.PLANNING_SETTINGS, json, body), 403, null, ApiPaths.PLANNING_SETTINGS);
        fr.mediance.protocol.PlanningSettingsDto slow = new fr.mediance.protocol.PlanningSettingsDto(
                changed.officeAddress(), changed.office(), 0.5, 18, false, null, null);
        assertProblem(
                coord.send(
                        "PUT",
                        ApiPaths.PLANNING_SETTINGS,
                        json,
                        GSON.toJson(slow).getBytes(StandardCharsets.UTF_8)),
                400,
                "detour_factor",
                ApiPaths.PLANNING_SETTINGS);
        try {
            Answer saved = coord.send("PUT", ApiPaths.PLANNING_SETTINGS, json, body);
            assertThat(saved.status()).as("saved: %s", saved).isEqualTo(200);
            fr.mediance.protocol.PlanningSettingsDto s = saved.json(fr.mediance.protocol.PlanningSettingsDto.class);
            assertThat(s.office()).isEqualTo(changed.office());
            assertThat(s.detourFactor()).isEqualTo(1.4);
            assertThat(s.speedKmh()).isEqualTo(18.0);
            assertThat(s.updatedBy()).isEqualTo(coord.user().id());
            assertThat(s.updatedAt()).isNotNull();
        } finally {
            coord.send(
                    "PUT", ApiPaths.PLANNING_SETTINGS, json, GSON.toJson(before).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aCounsellorsHoursAreListedForTheCoordinationAndSavedWhenTheRulesAllow() {
        Session coord = login(COORDINATOR);
        Session counsellor = login(COUNSELLOR);
        assertProblem(counsellor.get(ApiPaths.PLANNING_SCHEDULES), 403, null, ApiPaths.PLANNING_SCHEDULES);
        Answer list = coord.get(ApiPaths.PLANNING_SCHEDULES);
        assertThat(list.status()).as("schedules: %s", list).isEqualTo(200);
        List<fr.mediance.protocol.CounsellorScheduleDto> all = list.json(
                        fr.mediance.protocol.CounsellorSchedulesResponse.class)
                .schedules();
        assertThat(all)
                .extracting(fr.mediance.protocol.CounsellorScheduleDto::counsellorId)
                .contains(counsellor.user().id())
                .doesNotContain(coord.user().id());
        fr.mediance.protocol.CounsellorScheduleDto before = all.stream()
                .filter(x -> x.counsellorId().equals(counsellor.user().id()))
                .findFirst()
                .orElseThrow();
        String path = ApiPaths.planningSchedule(counsellor.user().id());
        Map<String, String> json = Map.of("Content-Type", "application/json");
        fr.mediance.protocol.CounsellorScheduleDto reversed = new fr.mediance.protocol.CounsellorScheduleDto(
                counsellor.user().id(),
                null,
                List.of(new fr.mediance.protocol.WorkingDayDto("mon", "17:00", "08:30")),
                "12:00",
                "14:00",
                45,
                List.of(),
                false,
                null);
        assertProblem(
                coord.send("PUT", path, json, GSON.toJson(reversed).getBytes(StandardCharsets.UTF_8)),
                400,
                "hours_order",
                path);
        fr.mediance.protocol.CounsellorScheduleDto partTime = new fr.mediance.protocol.CounsellorScheduleDto(
                counsellor.user().id(),
                null,
                List.of(
                        new fr.mediance.protocol.WorkingDayDto("mon", "09:00", "17:00"),
                        new fr.mediance.protocol.WorkingDayDto("thu", "09:00", "12:30")),
                "12:00",
                "14:00",
                30,
                List.of(java.time.LocalDate.of(2027, 1, 4)),
                false,
                null);
        byte[] body = GSON.toJson(partTime).getBytes(StandardCharsets.UTF_8);
        assertProblem(counsellor.send("PUT", path, json, body), 403, null, path);
        try {
            Answer saved = coord.send("PUT", path, json, body);
            assertThat(saved.status()).as("saved: %s", saved).isEqualTo(200);
            fr.mediance.protocol.CounsellorScheduleDto s = saved.json(fr.mediance.protocol.CounsellorScheduleDto.class);
            assertThat(s.days()).isEqualTo(partTime.days());
            assertThat(s.daysOff()).isEqualTo(partTime.daysOff());
            assertThat(s.lunchMinutes()).isEqualTo(30);
            assertThat(s.standard()).isFalse();
            assertThat(s.displayName()).isEqualTo(before.displayName());
        } finally {
            coord.send("PUT", path, json, GSON.toJson(before).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void onlyTheCoordinationAsksForAWeeksProposalAndForAMonday() {
        Session coord = login(COORDINATOR);
        java.time.LocalDate nextMonday = fr.mediance.protocol.Rounds.monday(
                        java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")))
                .plusWeeks(1);
        Map<String, String> json = Map.of("Content-Type", "application/json");
        byte[] ok = GSON.toJson(new fr.mediance.protocol.WeekProposalRequest(nextMonday, List.of(), 1))
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(
                login(COUNSELLOR).send("POST", ApiPaths.PLANNING_PROPOSALS, json, ok),
                403,
                null,
                ApiPaths.PLANNING_PROPOSALS);
        byte[] tuesday = GSON.toJson(new fr.mediance.protocol.WeekProposalRequest(nextMonday.plusDays(1), List.of(), 1))
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(
                coord.send("POST", ApiPaths.PLANNING_PROPOSALS, json, tuesday),
                400,
                "not_monday",
                ApiPaths.PLANNING_PROPOSALS);
    }

    protected static void assertProblem(Answer a, int status, String code, String path) {
        assertThat(a.status()).as("status of %s", a).isEqualTo(status);
        assertThat(a.header("Content-Type")).as("content type").startsWith(ProblemDto.MEDIA_TYPE);
        ProblemDto p = a.json(ProblemDto.class);
        assertThat(p.status()).isEqualTo(status);
        if (code != null) {
            assertThat(p.code()).isEqualTo(code);
        }
        assertThat(p.type()).isEqualTo(Problems.type(p.code()));
        assertThat(p.instance()).isEqualTo(path);
        assertThat(p.title()).isEqualTo(Problems.title(status));
        assertThat(p.detail()).isNotBlank().isNotEqualTo(p.title()).matches("(?s).*[a-zà-ÿ].*[.!?]$");
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static long seed() {
        return UUID.randomUUID().getMostSignificantBits();
    }

    private static OperationDto create(EntityType type, EntityDto data) {
        return new OperationDto(newId(), type, data.id(), null, false, data);
    }

    /** A new resident of the caller's structure, followed by {@code referentId}. */
    private static ResidentDto resident(Session s, String referentId) {
        String id = newId();
        return new ResidentDto(
                id,
                s.user().structureId(),
                null,
                "Mme",
                "Contrat-" + id.substring(0, 8),
                "Odile",
                null,
                "06 00 00 00 00",
                "1 place du Contrat",
                "13001",
                "Marseille",
                null,
                null,
                referentId);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(sha256(bytes));
    }

    /** The second-factor secret of {@link #OFFICE} (the demo's known one). */
    protected String officeTotpSecret() {
        return Accounts.DEMO_TOTP_SECRET;
    }

    private static final Map<String, Long> LAST_TOTP_STEPS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A code of the office's second factor not used yet by this contract (waits for the next step if need be). */
    private synchronized String officeCode() {
        while (true) {
            long now = Totp.step(java.time.Instant.now());
            long last = LAST_TOTP_STEPS.getOrDefault(OFFICE, Long.MIN_VALUE);
            for (long step = now - 1; step <= now + 1; step++) {
                if (step > last) {
                    LAST_TOTP_STEPS.put(OFFICE, step);
                    return Totp.code(officeTotpSecret(), step);
                }
            }
            try {
                Thread.sleep(1000); // a code is good once: wait for the next 30 s step
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Session login(String username) {
        String deviceId = "contract-" + newId();
        String code = username.equals(OFFICE) ? officeCode() : null;
        Answer a = post(
                ApiPaths.LOGIN,
                null,
                new LoginRequest(username, password(), deviceId, code, null, null),
                LoginRequest.class);
        assertThat(a.status()).as("login of %s: %s", username, a).isEqualTo(200);
        return new Session(a.json(LoginResponse.class), deviceId);
    }

    private <T> Answer post(String path, String token, T body, Class<T> type) {
        return send(
                "POST",
                path,
                token,
                Map.of("Content-Type", "application/json"),
                GSON.toJson(body, type).getBytes(StandardCharsets.UTF_8));
    }

    /** One request; {@code token} may be null (no Authorization header). */
    protected Answer send(String method, String path, String token, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(baseUrl().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            return new Answer(method + " " + path, r.statusCode(), h, r.body() == null ? new byte[0] : r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer: status, headers (first value, names in lower case) and body. */
    protected record Answer(String request, int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public <T> T json(Class<T> type) {
            return GSON.fromJson(new String(body, StandardCharsets.UTF_8), type);
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One signed-in device. */
    private final class Session {
        final LoginResponse login;
        final String deviceId;

        Session(LoginResponse login, String deviceId) {
            this.login = login;
            this.deviceId = deviceId;
        }

        UserDto user() {
            return login.user();
        }

        Answer get(String path) {
            return send("GET", path, Map.of(), null);
        }

        Answer head(String path) {
            return send("HEAD", path, Map.of(), null);
        }

        Answer send(String method, String path, Map<String, String> headers, byte[] body) {
            return OfficeContract.this.send(method, path, login.accessToken(), headers, body);
        }

        Answer refresh(String refreshToken) {
            return post(ApiPaths.REFRESH, null, new RefreshRequest(refreshToken, deviceId), RefreshRequest.class);
        }

        List<OperationResultDto> push(OperationDto... ops) {
            Answer a = OfficeContract.this.post(
                    ApiPaths.SYNC_PUSH,
                    login.accessToken(),
                    new PushRequest(deviceId, List.of(ops)),
                    PushRequest.class);
            assertThat(a.status()).as("push: %s", a).isEqualTo(200);
            return a.json(PushResponse.class).results();
        }

        ChangesResponse changes(String since, Integer limit) {
            String q = ApiPaths.SYNC_CHANGES + "?" + ApiPaths.PARAM_SINCE + "=" + since
                    + (limit == null ? "" : "&" + ApiPaths.PARAM_LIMIT + "=" + limit);
            Answer a = get(q);
            assertThat(a.status()).as("changes: %s", a).isEqualTo(200);
            return a.json(ChangesResponse.class);
        }

        /** Every change after {@code cursor}, page after page. */
        List<ChangeDto> changesSince(String cursor) {
            List<ChangeDto> all = new ArrayList<>();
            ChangesResponse page;
            do {
                page = changes(cursor, null);
                all.addAll(page.changes());
                cursor = page.cursor();
            } while (page.hasMore());
            return all;
        }

        /** The cursor after the last change this account may see now. */
        String cursorAtEnd() {
            String cursor = "";
            ChangesResponse page;
            do {
                page = changes(cursor, Limits.MAX_CHANGES_PAGE);
                cursor = page.cursor();
            } while (page.hasMore());
            return cursor;
        }

        Answer createUpload(long length, String sha) {
            String metadata =
                    Tus.META_SHA256 + " " + Base64.getEncoder().encodeToString(sha.getBytes(StandardCharsets.US_ASCII));
            return send(
                    "POST",
                    ApiPaths.UPLOADS,
                    Map.of(
                            Tus.TUS_RESUMABLE,
                            Tus.VERSION,
                            Tus.UPLOAD_LENGTH,
                            Long.toString(length),
                            Tus.UPLOAD_METADATA,
                            metadata),
                    null);
        }

        Answer patch(String upload, long offset, byte[] chunk) {
            return send(
                    "PATCH",
                    upload,
                    Map.of(
                            Tus.TUS_RESUMABLE,
                            Tus.VERSION,
                            "Content-Type",
                            Tus.OFFSET_OCTET_STREAM,
                            Tus.UPLOAD_OFFSET,
                            Long.toString(offset),
                            Tus.UPLOAD_CHECKSUM,
                            "sha256 " + Base64.getEncoder().encodeToString(sha256(chunk))),
                    chunk);
        }

        Answer headUpload(String upload) {
            return send("HEAD", upload, Map.of(Tus.TUS_RESUMABLE, Tus.VERSION), null);
        }
    }
}
