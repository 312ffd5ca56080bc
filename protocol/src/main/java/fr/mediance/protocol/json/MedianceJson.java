package fr.mediance.protocol.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ReflectionAccessFilter;
import com.google.gson.TypeAdapter;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.BlobReceiptDto;
import fr.mediance.protocol.BlobStatusDto;
import fr.mediance.protocol.BlobsHeldRequest;
import fr.mediance.protocol.BlobsHeldResponse;
import fr.mediance.protocol.BudgetDto;
import fr.mediance.protocol.BudgetLineDto;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.CheckInDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.ContactPersonDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.HealthDto;
import fr.mediance.protocol.HomeVisitDto;
import fr.mediance.protocol.HouseholdMemberDto;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.OverindebtednessFileDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.RefreshRequest;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.UserDto;
import fr.mediance.protocol.UsersResponse;
import fr.mediance.protocol.VisitReportDto;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one Gson configuration of the product, used by the app and the server alike. Reflection is blocked
 * for every class: a type without a registered adapter fails loudly instead of being serialised by
 * reflection, which would break in a native image.
 */
public final class MedianceJson {
    private static final Map<Class<?>, TypeAdapter<?>> ADAPTERS;

    static {
        Map<Class<?>, TypeAdapter<?>> m = new LinkedHashMap<>();
        m.put(HealthDto.class, Adapters.HEALTH);
        m.put(UserDto.class, Adapters.USER);
        m.put(UsersResponse.class, Adapters.USERS_RESPONSE);
        m.put(LoginRequest.class, Adapters.LOGIN_REQUEST);
        m.put(LoginResponse.class, Adapters.LOGIN_RESPONSE);
        m.put(RefreshRequest.class, Adapters.REFRESH_REQUEST);
        m.put(FieldErrorDto.class, Adapters.FIELD_ERROR);
        m.put(ProblemDto.class, Adapters.PROBLEM);
        m.put(ResidentDto.class, Adapters.RESIDENT);
        m.put(AppointmentDto.class, Adapters.APPOINTMENT);
        m.put(VisitReportDto.class, Adapters.VISIT_REPORT);
        m.put(DocumentDto.class, Adapters.DOCUMENT);
        m.put(CodeDto.class, Adapters.CODE);
        m.put(ConflictDto.class, Adapters.CONFLICT);
        m.put(BlobStatusDto.class, Adapters.BLOB_STATUS);
        m.put(HouseholdMemberDto.class, Adapters.HOUSEHOLD_MEMBER);
        m.put(ContactPersonDto.class, Adapters.CONTACT_PERSON);
        m.put(GeoPointDto.class, Adapters.GEO_POINT);
        m.put(HomeVisitDto.class, Adapters.HOME_VISIT);
        m.put(EnergyCheckDto.class, Adapters.ENERGY_CHECK);
        m.put(ActionDto.class, Adapters.ACTION);
        m.put(OrientationDto.class, Adapters.ORIENTATION);
        m.put(CheckInDto.class, Adapters.CHECK_IN);
        m.put(TaskDto.class, Adapters.TASK);
        m.put(ConsentDto.class, Adapters.CONSENT);
        m.put(MandateDto.class, Adapters.MANDATE);
        m.put(PrivateNoteDto.class, Adapters.PRIVATE_NOTE);
        m.put(BudgetDto.class, BudgetAdapters.BUDGET);
        m.put(BudgetLineDto.class, BudgetAdapters.LINE);
        m.put(AidApplicationDto.class, BudgetAdapters.AID_APPLICATION);
        m.put(OverindebtednessFileDto.class, BudgetAdapters.OVERINDEBTEDNESS_FILE);
        m.put(fr.mediance.protocol.PartnerDto.class, PartnerAdapters.PARTNER);
        m.put(fr.mediance.protocol.PartnerServiceDto.class, PartnerAdapters.SERVICE);
        m.put(fr.mediance.protocol.CaseOutcomeDto.class, Adapters.CASE_OUTCOME);
        m.put(fr.mediance.protocol.CaseDto.class, Adapters.CASE);
        m.put(fr.mediance.protocol.RequestDto.class, Adapters.REQUEST);
        m.put(fr.mediance.protocol.AnonymousContactDto.class, Adapters.ANONYMOUS_CONTACT);
        m.put(fr.mediance.protocol.FigureDto.class, Adapters.FIGURE);
        m.put(fr.mediance.protocol.FiguresResponse.class, Adapters.FIGURES_RESPONSE);
        m.put(fr.mediance.protocol.ChequeEnergieDto.class, Adapters.CHEQUE_ENERGIE);
        m.put(fr.mediance.protocol.SupplyStateDto.class, Adapters.SUPPLY_STATE);
        m.put(fr.mediance.protocol.EnergyContractDto.class, Adapters.ENERGY_CONTRACT);
        m.put(fr.mediance.protocol.DebtStageDto.class, Adapters.DEBT_STAGE);
        m.put(fr.mediance.protocol.DebtDto.class, Adapters.DEBT);
        m.put(fr.mediance.protocol.InstalmentDto.class, PaymentPlanAdapters.INSTALMENT);
        m.put(fr.mediance.protocol.PaymentPlanDto.class, PaymentPlanAdapters.PAYMENT_PLAN);
        m.put(fr.mediance.protocol.RightsRequestDto.class, GdprAdapters.REQUEST);
        m.put(fr.mediance.protocol.RightsRequestsResponse.class, GdprAdapters.REQUESTS);
        m.put(fr.mediance.protocol.RetentionRunDto.class, GdprAdapters.RETENTION_RUN);
        m.put(OperationDto.class, Adapters.OPERATION);
        m.put(OperationResultDto.class, Adapters.OPERATION_RESULT);
        m.put(PushRequest.class, Adapters.PUSH_REQUEST);
        m.put(PushResponse.class, Adapters.PUSH_RESPONSE);
        m.put(ChangeDto.class, Adapters.CHANGE);
        m.put(ChangesResponse.class, Adapters.CHANGES_RESPONSE);
        m.put(BlobReceiptDto.class, Adapters.BLOB_RECEIPT);
        m.put(BlobsHeldRequest.class, Adapters.BLOBS_HELD_REQUEST);
        m.put(BlobsHeldResponse.class, Adapters.BLOBS_HELD_RESPONSE);
        m.put(fr.mediance.protocol.AuditEventDto.class, AuditAdapters.EVENT);
        m.put(fr.mediance.protocol.AuditEventsRequest.class, AuditAdapters.EVENTS_REQUEST);
        m.put(fr.mediance.protocol.AuditEventsReceipt.class, AuditAdapters.RECEIPT);
        m.put(fr.mediance.protocol.AuditPage.class, AuditAdapters.PAGE);
        m.put(fr.mediance.protocol.AccountDto.class, AccountAdapters.ACCOUNT);
        m.put(fr.mediance.protocol.AccountsResponse.class, AccountAdapters.ACCOUNTS);
        m.put(fr.mediance.protocol.AccountRequest.class, AccountAdapters.ACCOUNT_REQUEST);
        m.put(fr.mediance.protocol.AccountPasswordDto.class, AccountAdapters.ACCOUNT_PASSWORD);
        m.put(fr.mediance.protocol.DeviceDto.class, AccountAdapters.DEVICE);
        m.put(fr.mediance.protocol.DevicesResponse.class, AccountAdapters.DEVICES);
        m.put(fr.mediance.protocol.TotpEnrolmentDto.class, AccountAdapters.TOTP_ENROLMENT);
        m.put(fr.mediance.protocol.CalendarLinkDto.class, CalendarAdapters.LINK);
        m.put(fr.mediance.protocol.CalendarLinksResponse.class, CalendarAdapters.LINKS);
        m.put(fr.mediance.protocol.CalendarLinkCreatedDto.class, CalendarAdapters.CREATED);
        m.put(fr.mediance.protocol.PlanningSettingsDto.class, PlanningAdapters.SETTINGS);
        m.put(fr.mediance.protocol.WorkingDayDto.class, PlanningAdapters.WORKING_DAY);
        m.put(fr.mediance.protocol.CounsellorScheduleDto.class, PlanningAdapters.SCHEDULE);
        m.put(fr.mediance.protocol.CounsellorSchedulesResponse.class, PlanningAdapters.SCHEDULES);
        m.put(fr.mediance.protocol.WeekProposalRequest.class, PlanningAdapters.PROPOSAL_REQUEST);
        m.put(fr.mediance.protocol.ProposedStopDto.class, PlanningAdapters.STOP);
        m.put(fr.mediance.protocol.ProposedRoundDto.class, PlanningAdapters.ROUND);
        m.put(fr.mediance.protocol.UnplannedRequestDto.class, PlanningAdapters.UNPLANNED);
        m.put(fr.mediance.protocol.WeekProposalDto.class, PlanningAdapters.PROPOSAL);
        ADAPTERS = Collections.unmodifiableMap(m);
    }

    private static final Gson GSON = configure(new GsonBuilder()).create();

    private MedianceJson() {}

    /** The shared, thread-safe instance. */
    public static Gson gson() {
        return GSON;
    }

    /** Applies the product's configuration to a builder (for a caller that needs to add its own settings). */
    public static GsonBuilder configure(GsonBuilder builder) {
        builder.addReflectionAccessFilter(type -> ReflectionAccessFilter.FilterResult.BLOCK_ALL)
                .disableJdkUnsafe()
                .disableHtmlEscaping();
        for (Map.Entry<Class<?>, TypeAdapter<?>> e : ADAPTERS.entrySet()) {
            builder.registerTypeAdapter(e.getKey(), e.getValue());
        }
        return builder;
    }

    /** Every wire type, in a stable order: used by self-checks and tests to round-trip each one. */
    public static Iterable<Class<?>> wireTypes() {
        return ADAPTERS.keySet();
    }
}
