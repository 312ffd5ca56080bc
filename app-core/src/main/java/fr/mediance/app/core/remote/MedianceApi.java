package fr.mediance.app.core.remote;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.BlobReceiptDto;
import fr.mediance.protocol.BlobsHeldRequest;
import fr.mediance.protocol.BlobsHeldResponse;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.HealthDto;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.RefreshRequest;
import fr.mediance.protocol.RightsRequestDto;
import fr.mediance.protocol.RightsRequestsResponse;
import fr.mediance.protocol.UserDto;
import fr.mediance.protocol.UsersResponse;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.HEAD;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Streaming;

/**
 * The office API as seen by the client: the one Retrofit interface of the product (registered for
 * reflection and as a dynamic proxy in the native-image configuration). Paths come from {@link ApiPaths};
 * bodies are converted with {@code MedianceJson.gson()}. The access token is added by {@link RemoteClient}.
 */
public interface MedianceApi {
    @GET(ApiPaths.HEALTH)
    Call<HealthDto> health();

    @POST(ApiPaths.LOGIN)
    Call<LoginResponse> login(@Body LoginRequest request);

    @POST(ApiPaths.TOTP_ENROL)
    Call<fr.mediance.protocol.TotpEnrolmentDto> enrolTotp(@Body LoginRequest request);

    @POST(ApiPaths.REFRESH)
    Call<LoginResponse> refresh(@Body RefreshRequest request);

    @POST(ApiPaths.LOGOUT)
    Call<Void> logout(@Body RefreshRequest request);

    @GET(ApiPaths.ME)
    Call<UserDto> me();

    @GET(ApiPaths.ACCOUNTS)
    Call<fr.mediance.protocol.AccountsResponse> accounts();

    @POST(ApiPaths.ACCOUNTS)
    Call<fr.mediance.protocol.AccountPasswordDto> createAccount(@Body fr.mediance.protocol.AccountRequest request);

    @retrofit2.http.PUT(ApiPaths.ACCOUNT)
    Call<fr.mediance.protocol.AccountDto> updateAccount(
            @retrofit2.http.Path(ApiPaths.PARAM_ACCOUNT_ID) String id,
            @Body fr.mediance.protocol.AccountRequest request);

    @POST(ApiPaths.ACCOUNT_RESET)
    Call<fr.mediance.protocol.AccountPasswordDto> resetAccount(
            @retrofit2.http.Path(ApiPaths.PARAM_ACCOUNT_ID) String id);

    @GET(ApiPaths.ACCOUNT_DEVICES)
    Call<fr.mediance.protocol.DevicesResponse> devices(@retrofit2.http.Path(ApiPaths.PARAM_ACCOUNT_ID) String id);

    @POST(ApiPaths.DEVICE_REVOKE)
    Call<fr.mediance.protocol.DeviceDto> revokeDevice(@retrofit2.http.Path(ApiPaths.PARAM_DEVICE_REF) String ref);

    /** The feed links of a counsellor ({@code counsellor} null: the caller). */
    @GET(ApiPaths.CALENDAR_LINKS)
    Call<fr.mediance.protocol.CalendarLinksResponse> calendarLinks(@Query(ApiPaths.PARAM_COUNSELLOR) String counsellor);

    /** A new feed link: its secret is in the answer only. */
    @POST(ApiPaths.CALENDAR_LINKS)
    Call<fr.mediance.protocol.CalendarLinkCreatedDto> createCalendarLink(
            @Query(ApiPaths.PARAM_COUNSELLOR) String counsellor);

    @retrofit2.http.DELETE(ApiPaths.CALENDAR_LINK)
    Call<fr.mediance.protocol.CalendarLinkDto> revokeCalendarLink(
            @retrofit2.http.Path(ApiPaths.PARAM_LINK_ID) String linkId);

    /** A week's proposal, computed by the office server and not saved (coordination). */
    @POST(ApiPaths.PLANNING_PROPOSALS)
    Call<fr.mediance.protocol.WeekProposalDto> proposeWeek(@Body fr.mediance.protocol.WeekProposalRequest request);

    /** The structure's office point and travel settings (rounds). */
    @GET(ApiPaths.PLANNING_SETTINGS)
    Call<fr.mediance.protocol.PlanningSettingsDto> planningSettings();

    @PUT(ApiPaths.PLANNING_SETTINGS)
    Call<fr.mediance.protocol.PlanningSettingsDto> savePlanningSettings(
            @Body fr.mediance.protocol.PlanningSettingsDto settings);

    /** Every active counsellor's working hours. */
    @GET(ApiPaths.PLANNING_SCHEDULES)
    Call<fr.mediance.protocol.CounsellorSchedulesResponse> counsellorSchedules();

    @PUT(ApiPaths.PLANNING_SCHEDULE)
    Call<fr.mediance.protocol.CounsellorScheduleDto> saveCounsellorSchedule(
            @retrofit2.http.Path(ApiPaths.PARAM_COUNSELLOR_ID) String counsellorId,
            @Body fr.mediance.protocol.CounsellorScheduleDto schedule);

    /** {@code role} may be null for every account of the structure. */
    @GET(ApiPaths.USERS)
    Call<UsersResponse> users(@Query(ApiPaths.PARAM_ROLE) String role);

    /** The register of rights requests (office, coordination, admin). */
    @GET(ApiPaths.GDPR_REQUESTS)
    Call<RightsRequestsResponse> rightsRequests();

    @POST(ApiPaths.GDPR_REQUESTS)
    Call<RightsRequestDto> recordRightsRequest(@Body RightsRequestDto request);

    @PUT(ApiPaths.GDPR_REQUEST)
    Call<RightsRequestDto> updateRightsRequest(@Path("id") String id, @Body RightsRequestDto request);

    @POST(ApiPaths.SYNC_PUSH)
    Call<PushResponse> push(@Body PushRequest request);

    /** {@code since} is null for the first pull. */
    @GET(ApiPaths.SYNC_CHANGES)
    Call<ChangesResponse> changes(@Query(ApiPaths.PARAM_SINCE) String since, @Query(ApiPaths.PARAM_LIMIT) int limit);

    /** 200 if the server holds the blob, 404 if not. */
    @HEAD(ApiPaths.BLOB)
    Call<Void> blobExists(@Path(ApiPaths.PARAM_SHA256) String sha256);

    /** Which of these blobs the server holds (among those the caller may see). */
    @POST(ApiPaths.BLOBS_HELD)
    Call<BlobsHeldResponse> blobsHeld(@Body BlobsHeldRequest request);

    @PUT(ApiPaths.BLOB)
    Call<BlobReceiptDto> putBlob(
            @Path(ApiPaths.PARAM_SHA256) String sha256,
            @Header(ApiPaths.HEADER_CONTENT_SHA256) String contentSha256,
            @Body RequestBody bytes);

    @Streaming
    @GET(ApiPaths.BLOB)
    Call<ResponseBody> getBlob(@Path(ApiPaths.PARAM_SHA256) String sha256);

    /** A small JPEG preview made by the server; 404 while the blob has not arrived or has no preview. */
    @Streaming
    @GET(ApiPaths.BLOB_THUMBNAIL)
    Call<ResponseBody> getThumbnail(@Path(ApiPaths.PARAM_SHA256) String sha256);

    @POST(ApiPaths.AUDIT_EVENTS)
    Call<fr.mediance.protocol.AuditEventsReceipt> auditEvents(@Body fr.mediance.protocol.AuditEventsRequest request);

    /** The audit log (admin only); every parameter may be null. */
    @GET(ApiPaths.AUDIT)
    Call<fr.mediance.protocol.AuditPage> audit(
            @Query(ApiPaths.PARAM_RESIDENT) String resident,
            @Query(ApiPaths.PARAM_ACCOUNT) String account,
            @Query(ApiPaths.PARAM_ACTION) String action,
            @Query(ApiPaths.PARAM_FROM) String from,
            @Query(ApiPaths.PARAM_TO) String to,
            @Query(ApiPaths.PARAM_BEFORE) String before,
            @Query(ApiPaths.PARAM_LIMIT) Integer limit);

    @Streaming
    @GET(ApiPaths.RESIDENT_EXPORT)
    Call<ResponseBody> residentExport(
            @Path(ApiPaths.PARAM_RESIDENT_ID) String residentId, @Query(ApiPaths.PARAM_FORMAT) String format);
}
