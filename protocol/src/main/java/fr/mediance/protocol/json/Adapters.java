package fr.mediance.protocol.json;

import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AnonymousContactDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.BlobReceiptDto;
import fr.mediance.protocol.BlobStatusDto;
import fr.mediance.protocol.BlobsHeldRequest;
import fr.mediance.protocol.BlobsHeldResponse;
import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.CaseOutcomeDto;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.CheckInDto;
import fr.mediance.protocol.ChequeEnergieDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.ContactPersonDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.DebtStageDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.FigureDto;
import fr.mediance.protocol.FiguresResponse;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.HealthDto;
import fr.mediance.protocol.HomeVisitDto;
import fr.mediance.protocol.HouseholdMemberDto;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.RefreshRequest;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.SupplyStateDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.UserDto;
import fr.mediance.protocol.UsersResponse;
import fr.mediance.protocol.VisitReportDto;
import java.io.IOException;

/** The adapter of every wire type. Field names on the wire are the record component names. */
public final class Adapters {
    private Adapters() {}

    public static final class HealthAdapter extends RecordAdapter<HealthDto> {
        @Override
        protected HealthDto fromFields(Fields f) {
            return new HealthDto(f.requiredString("status"), f.string("version"), f.instant("time"));
        }

        @Override
        protected void writeFields(JsonWriter out, HealthDto v) throws IOException {
            put(out, "status", v.status());
            put(out, "version", v.version());
            put(out, "time", v.time());
        }
    }

    public static final class UserAdapter extends RecordAdapter<UserDto> {
        @Override
        protected UserDto fromFields(Fields f) {
            return new UserDto(
                    f.requiredString("id"),
                    f.requiredString("username"),
                    f.string("displayName"),
                    f.code("role", Role::fromCode, true),
                    f.string("structureId"));
        }

        @Override
        protected void writeFields(JsonWriter out, UserDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "username", v.username());
            put(out, "displayName", v.displayName());
            put(out, "role", v.role() == null ? null : v.role().code());
            put(out, "structureId", v.structureId());
        }
    }

    public static final class UsersResponseAdapter extends RecordAdapter<UsersResponse> {
        @Override
        protected UsersResponse fromFields(Fields f) {
            return new UsersResponse(f.objects("users", USER));
        }

        @Override
        protected void writeFields(JsonWriter out, UsersResponse v) throws IOException {
            putObjects(out, "users", USER, v.users());
        }
    }

    public static final class LoginRequestAdapter extends RecordAdapter<LoginRequest> {
        @Override
        protected LoginRequest fromFields(Fields f) {
            return new LoginRequest(
                    f.requiredString("username"),
                    f.requiredString("password"),
                    f.requiredString("deviceId"),
                    f.string("totpCode"),
                    f.string("newPassword"),
                    f.string("appVersion"));
        }

        @Override
        protected void writeFields(JsonWriter out, LoginRequest v) throws IOException {
            put(out, "username", v.username());
            put(out, "password", v.password());
            put(out, "deviceId", v.deviceId());
            put(out, "totpCode", v.totpCode());
            put(out, "newPassword", v.newPassword());
            put(out, "appVersion", v.appVersion());
        }
    }

    public static final class LoginResponseAdapter extends RecordAdapter<LoginResponse> {
        @Override
        protected LoginResponse fromFields(Fields f) {
            return new LoginResponse(
                    f.requiredString("accessToken"),
                    f.requiredInstant("accessExpiresAt"),
                    f.requiredString("refreshToken"),
                    f.requiredInstant("refreshExpiresAt"),
                    f.requiredObject("user", USER));
        }

        @Override
        protected void writeFields(JsonWriter out, LoginResponse v) throws IOException {
            put(out, "accessToken", v.accessToken());
            put(out, "accessExpiresAt", v.accessExpiresAt());
            put(out, "refreshToken", v.refreshToken());
            put(out, "refreshExpiresAt", v.refreshExpiresAt());
            putObject(out, "user", USER, v.user());
        }
    }

    public static final class RefreshRequestAdapter extends RecordAdapter<RefreshRequest> {
        @Override
        protected RefreshRequest fromFields(Fields f) {
            return new RefreshRequest(f.requiredString("refreshToken"), f.requiredString("deviceId"));
        }

        @Override
        protected void writeFields(JsonWriter out, RefreshRequest v) throws IOException {
            put(out, "refreshToken", v.refreshToken());
            put(out, "deviceId", v.deviceId());
        }
    }

    public static final class FieldErrorAdapter extends RecordAdapter<FieldErrorDto> {
        @Override
        protected FieldErrorDto fromFields(Fields f) {
            return new FieldErrorDto(f.string("field"), f.requiredString("message"));
        }

        @Override
        protected void writeFields(JsonWriter out, FieldErrorDto v) throws IOException {
            put(out, "field", v.field());
            put(out, "message", v.message());
        }
    }

    public static final class ProblemAdapter extends RecordAdapter<ProblemDto> {
        @Override
        protected ProblemDto fromFields(Fields f) {
            return new ProblemDto(
                    f.string("type"),
                    f.string("title"),
                    f.intOr("status", 0),
                    f.string("detail"),
                    f.string("instance"),
                    f.string("code"),
                    f.objects("errors", FIELD_ERROR));
        }

        @Override
        protected void writeFields(JsonWriter out, ProblemDto v) throws IOException {
            put(out, "type", v.type());
            put(out, "title", v.title());
            put(out, "status", (long) v.status());
            put(out, "detail", v.detail());
            put(out, "instance", v.instance());
            put(out, "code", v.code());
            if (!v.errors().isEmpty()) {
                putObjects(out, "errors", FIELD_ERROR, v.errors());
            }
        }
    }

    public static final class ResidentAdapter extends RecordAdapter<ResidentDto> {
        @Override
        protected ResidentDto fromFields(Fields f) {
            return new ResidentDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.string("fileNumber"),
                    f.string("civility"),
                    f.requiredString("lastName"),
                    f.string("firstName"),
                    f.date("birthDate"),
                    f.string("phone"),
                    f.string("street"),
                    f.string("postcode"),
                    f.string("city"),
                    f.string("accessNotes"),
                    f.string("mobilityReason"),
                    f.string("referentId"),
                    f.string("status"),
                    f.string("birthName"),
                    f.string("email"),
                    f.bool("noPhone", false),
                    f.string("preferredContactTime"),
                    f.string("language"),
                    f.bool("interpreterNeeded", false),
                    f.string("accommodationMode"),
                    f.string("landlord"),
                    f.optionalBool("mainResidence"),
                    f.string("socioProfessional"),
                    f.string("legalProtection"),
                    f.string("legalRepresentative"),
                    f.string("orientationIn"),
                    f.string("orientingPartner"),
                    f.string("synthesis"),
                    f.objects("household", HOUSEHOLD_MEMBER),
                    f.objects("contacts", CONTACT_PERSON),
                    f.object("location", GEO_POINT));
        }

        @Override
        protected void writeFields(JsonWriter out, ResidentDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "fileNumber", v.fileNumber());
            put(out, "civility", v.civility());
            put(out, "lastName", v.lastName());
            put(out, "firstName", v.firstName());
            put(out, "birthDate", v.birthDate());
            put(out, "phone", v.phone());
            put(out, "street", v.street());
            put(out, "postcode", v.postcode());
            put(out, "city", v.city());
            put(out, "accessNotes", v.accessNotes());
            put(out, "mobilityReason", v.mobilityReason());
            put(out, "referentId", v.referentId());
            put(out, "status", v.status());
            put(out, "birthName", v.birthName());
            put(out, "email", v.email());
            put(out, "noPhone", v.noPhone());
            put(out, "preferredContactTime", v.preferredContactTime());
            put(out, "language", v.language());
            put(out, "interpreterNeeded", v.interpreterNeeded());
            put(out, "accommodationMode", v.accommodationMode());
            put(out, "landlord", v.landlord());
            put(out, "mainResidence", v.mainResidence());
            put(out, "socioProfessional", v.socioProfessional());
            put(out, "legalProtection", v.legalProtection());
            put(out, "legalRepresentative", v.legalRepresentative());
            put(out, "orientationIn", v.orientationIn());
            put(out, "orientingPartner", v.orientingPartner());
            put(out, "synthesis", v.synthesis());
            putObjects(out, "household", HOUSEHOLD_MEMBER, v.household());
            putObjects(out, "contacts", CONTACT_PERSON, v.contacts());
            putObject(out, "location", GEO_POINT, v.location());
        }
    }

    public static final class GeoPointAdapter extends RecordAdapter<GeoPointDto> {
        @Override
        protected GeoPointDto fromFields(Fields f) {
            return new GeoPointDto(
                    f.requiredDouble("latitude"),
                    f.requiredDouble("longitude"),
                    f.requiredString("source"),
                    f.requiredString("precision"));
        }

        @Override
        protected void writeFields(JsonWriter out, GeoPointDto v) throws IOException {
            put(out, "latitude", v.latitude());
            put(out, "longitude", v.longitude());
            put(out, "source", v.source());
            put(out, "precision", v.precision());
        }
    }

    public static final class AppointmentAdapter extends RecordAdapter<AppointmentDto> {
        @Override
        protected AppointmentDto fromFields(Fields f) {
            return new AppointmentDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.requiredString("residentId"),
                    f.requiredString("counsellorId"),
                    f.requiredString("type"),
                    f.requiredInstant("start"),
                    f.requiredInstant("end"),
                    f.requiredString("status"),
                    f.string("address"),
                    f.string("notes"),
                    f.string("statusReason"),
                    f.strings("checklist"),
                    f.string("safetyNotes"),
                    f.bool("locked", false),
                    f.string("requestId"),
                    f.string("plannedBy"));
        }

        @Override
        protected void writeFields(JsonWriter out, AppointmentDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "residentId", v.residentId());
            put(out, "counsellorId", v.counsellorId());
            put(out, "type", v.type());
            put(out, "start", v.start());
            put(out, "end", v.end());
            put(out, "status", v.status());
            put(out, "address", v.address());
            put(out, "notes", v.notes());
            put(out, "statusReason", v.statusReason());
            putStrings(out, "checklist", v.checklist());
            put(out, "safetyNotes", v.safetyNotes());
            put(out, "locked", v.locked());
            put(out, "requestId", v.requestId());
            put(out, "plannedBy", v.plannedBy());
        }
    }

    public static final class VisitReportAdapter extends RecordAdapter<VisitReportDto> {
        @Override
        protected VisitReportDto fromFields(Fields f) {
            return new VisitReportDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.string("appointmentId"),
                    f.requiredString("residentId"),
                    f.requiredString("counsellorId"),
                    f.requiredString("medium"),
                    f.strings("domains"),
                    f.string("synthesis"),
                    f.string("followUp"),
                    f.date("followUpDue"),
                    f.instant("startedAt"),
                    f.instant("completedAt"),
                    f.string("supersedes"),
                    f.string("place"),
                    f.optionalInt("durationMinutes"),
                    f.strings("personsPresent"),
                    f.strings("motifs"),
                    f.object("energy", ENERGY_CHECK),
                    f.objects("actions", ACTION),
                    f.objects("orientations", ORIENTATION),
                    f.string("residentSignatureDocumentId"),
                    f.bool("visitAttested", false),
                    f.object("checkIn", CHECK_IN));
        }

        @Override
        protected void writeFields(JsonWriter out, VisitReportDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "appointmentId", v.appointmentId());
            put(out, "residentId", v.residentId());
            put(out, "counsellorId", v.counsellorId());
            put(out, "medium", v.medium());
            putStrings(out, "domains", v.domains());
            put(out, "synthesis", v.synthesis());
            put(out, "followUp", v.followUp());
            put(out, "followUpDue", v.followUpDue());
            put(out, "startedAt", v.startedAt());
            put(out, "completedAt", v.completedAt());
            put(out, "supersedes", v.supersedes());
            put(out, "place", v.place());
            put(out, "durationMinutes", v.durationMinutes() == null ? null : Long.valueOf(v.durationMinutes()));
            putStrings(out, "personsPresent", v.personsPresent());
            putStrings(out, "motifs", v.motifs());
            putObject(out, "energy", ENERGY_CHECK, v.energy());
            putObjects(out, "actions", ACTION, v.actions());
            putObjects(out, "orientations", ORIENTATION, v.orientations());
            put(out, "residentSignatureDocumentId", v.residentSignatureDocumentId());
            put(out, "visitAttested", v.visitAttested());
            putObject(out, "checkIn", CHECK_IN, v.checkIn());
        }
    }

    public static final class DocumentAdapter extends RecordAdapter<DocumentDto> {
        @Override
        protected DocumentDto fromFields(Fields f) {
            return new DocumentDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.string("visitReportId"),
                    f.requiredString("residentId"),
                    f.requiredString("type"),
                    f.requiredString("sha256"),
                    f.requiredString("mimeType"),
                    f.requiredLong("sizeBytes"),
                    f.instant("capturedAt"),
                    f.date("retentionUntil"),
                    f.string("title"),
                    f.string("issuer"),
                    f.optionalLong("amountCents"),
                    f.date("dueDate"),
                    f.strings("purpose"),
                    f.string("origin"));
        }

        @Override
        protected void writeFields(JsonWriter out, DocumentDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "visitReportId", v.visitReportId());
            put(out, "residentId", v.residentId());
            put(out, "type", v.type());
            put(out, "sha256", v.sha256());
            put(out, "mimeType", v.mimeType());
            put(out, "sizeBytes", v.sizeBytes());
            put(out, "capturedAt", v.capturedAt());
            put(out, "retentionUntil", v.retentionUntil());
            put(out, "title", v.title());
            put(out, "issuer", v.issuer());
            put(out, "amountCents", v.amountCents());
            put(out, "dueDate", v.dueDate());
            putStrings(out, "purpose", v.purpose());
            put(out, "origin", v.origin());
        }
    }

    public static final class CodeAdapter extends RecordAdapter<CodeDto> {
        @Override
        protected CodeDto fromFields(Fields f) {
            return new CodeDto(
                    f.requiredString("list"),
                    f.requiredString("code"),
                    f.requiredString("label"),
                    f.string("parent"),
                    f.intOr("sortOrder", 0),
                    f.bool("active", true),
                    f.string("value"));
        }

        @Override
        protected void writeFields(JsonWriter out, CodeDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "list", v.list());
            put(out, "code", v.code());
            put(out, "label", v.label());
            put(out, "parent", v.parent());
            put(out, "sortOrder", (long) v.sortOrder());
            put(out, "active", v.active());
            put(out, "value", v.value());
        }
    }

    public static final class ConflictAdapter extends RecordAdapter<ConflictDto> {
        @Override
        protected ConflictDto fromFields(Fields f) {
            return new ConflictDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.code("entity", EntityType::fromCode, true),
                    f.requiredString("entityId"),
                    f.requiredString("field"),
                    f.string("baseValue"),
                    f.string("serverValue"),
                    f.string("clientValue"),
                    f.string("serverAuthorId"),
                    f.string("clientAuthorId"),
                    f.instant("detectedAt"),
                    f.requiredString("status"),
                    f.string("resolvedValue"),
                    f.string("resolvedBy"),
                    f.instant("resolvedAt"));
        }

        @Override
        protected void writeFields(JsonWriter out, ConflictDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "entity", v.entity() == null ? null : v.entity().code());
            put(out, "entityId", v.entityId());
            put(out, "field", v.field());
            put(out, "baseValue", v.baseValue());
            put(out, "serverValue", v.serverValue());
            put(out, "clientValue", v.clientValue());
            put(out, "serverAuthorId", v.serverAuthorId());
            put(out, "clientAuthorId", v.clientAuthorId());
            put(out, "detectedAt", v.detectedAt());
            put(out, "status", v.status());
            put(out, "resolvedValue", v.resolvedValue());
            put(out, "resolvedBy", v.resolvedBy());
            put(out, "resolvedAt", v.resolvedAt());
        }
    }

    public static final class BlobStatusAdapter extends RecordAdapter<BlobStatusDto> {
        @Override
        protected BlobStatusDto fromFields(Fields f) {
            return new BlobStatusDto(
                    f.requiredString("sha256"),
                    f.requiredLong("sizeBytes"),
                    f.instant("receivedAt"),
                    f.bool("thumbnail", false));
        }

        @Override
        protected void writeFields(JsonWriter out, BlobStatusDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "sha256", v.sha256());
            put(out, "sizeBytes", v.sizeBytes());
            put(out, "receivedAt", v.receivedAt());
            put(out, "thumbnail", v.thumbnail());
        }
    }

    /** Reads the payload of an operation or a change with the adapter of its entity type. */
    static EntityDto readEntity(Fields f, EntityType type, String name, boolean required) {
        JsonObject raw = f.rawObject(name);
        if (raw == null) {
            if (required) {
                throw new WireFormatException(name, "Le champ « " + name + " » est obligatoire.");
            }
            return null;
        }
        return f.nested(name, raw, entityAdapter(type));
    }

    @SuppressWarnings("unchecked")
    static void writeEntity(JsonWriter out, String name, EntityDto value) throws IOException {
        if (value != null) {
            RecordAdapter<EntityDto> a =
                    (RecordAdapter<EntityDto>) (RecordAdapter<?>) entityAdapter(EntityType.of(value));
            out.name(name);
            a.write(out, value);
        }
    }

    public static RecordAdapter<? extends EntityDto> entityAdapter(EntityType type) {
        return switch (type) {
            case RESIDENT -> RESIDENT;
            case APPOINTMENT -> APPOINTMENT;
            case VISIT_REPORT -> VISIT_REPORT;
            case DOCUMENT -> DOCUMENT;
            case CODE -> CODE;
            case CONFLICT -> CONFLICT;
            case BLOB -> BLOB_STATUS;
            case TASK -> TASK;
            case CONSENT -> CONSENT;
            case MANDATE -> MANDATE;
            case PRIVATE_NOTE -> PRIVATE_NOTE;
            case BUDGET -> BudgetAdapters.BUDGET;
            case OVERINDEBTEDNESS_FILE -> BudgetAdapters.OVERINDEBTEDNESS_FILE;
            case AID_APPLICATION -> BudgetAdapters.AID_APPLICATION;
            case CASE -> CASE;
            case REQUEST -> REQUEST;
            case ANONYMOUS_CONTACT -> ANONYMOUS_CONTACT;
            case ENERGY_CONTRACT -> ENERGY_CONTRACT;
            case DEBT -> DEBT;
            case PAYMENT_PLAN -> PaymentPlanAdapters.PAYMENT_PLAN;
            case PARTNER -> PartnerAdapters.PARTNER;
        };
    }

    public static final class OperationAdapter extends RecordAdapter<OperationDto> {
        @Override
        protected OperationDto fromFields(Fields f) {
            EntityType type = f.code("entity", EntityType::fromCode, true);
            boolean delete = f.bool("delete", false);
            EntityDto data = readEntity(f, type, "data", !delete);
            String entityId = f.requiredString("entityId");
            if (data != null && !entityId.equals(data.id())) {
                throw new WireFormatException("data.id", "L'identifiant de « data » ne correspond pas à « entityId ».");
            }
            return new OperationDto(
                    f.requiredString("opId"),
                    type,
                    entityId,
                    f.optionalLong("baseVersion"),
                    delete,
                    data,
                    f.strings("changedFields"));
        }

        @Override
        protected void writeFields(JsonWriter out, OperationDto v) throws IOException {
            put(out, "opId", v.opId());
            put(out, "entity", v.entity().code());
            put(out, "entityId", v.entityId());
            put(out, "baseVersion", v.baseVersion());
            put(out, "delete", v.delete());
            writeEntity(out, "data", v.data());
            if (!v.changedFields().isEmpty()) {
                putStrings(out, "changedFields", v.changedFields());
            }
        }
    }

    public static final class OperationResultAdapter extends RecordAdapter<OperationResultDto> {
        @Override
        protected OperationResultDto fromFields(Fields f) {
            return new OperationResultDto(
                    f.requiredString("opId"),
                    f.code("status", OpStatus::fromCode, true),
                    f.optionalLong("version"),
                    f.string("code"),
                    f.string("message"));
        }

        @Override
        protected void writeFields(JsonWriter out, OperationResultDto v) throws IOException {
            put(out, "opId", v.opId());
            put(out, "status", v.status().code());
            put(out, "version", v.version());
            put(out, "code", v.code());
            put(out, "message", v.message());
        }
    }

    public static final class PushRequestAdapter extends RecordAdapter<PushRequest> {
        @Override
        protected PushRequest fromFields(Fields f) {
            return new PushRequest(f.requiredString("deviceId"), f.objects("operations", OPERATION));
        }

        @Override
        protected void writeFields(JsonWriter out, PushRequest v) throws IOException {
            put(out, "deviceId", v.deviceId());
            putObjects(out, "operations", OPERATION, v.operations());
        }
    }

    public static final class PushResponseAdapter extends RecordAdapter<PushResponse> {
        @Override
        protected PushResponse fromFields(Fields f) {
            return new PushResponse(f.objects("results", OPERATION_RESULT));
        }

        @Override
        protected void writeFields(JsonWriter out, PushResponse v) throws IOException {
            putObjects(out, "results", OPERATION_RESULT, v.results());
        }
    }

    public static final class ChangeAdapter extends RecordAdapter<ChangeDto> {
        @Override
        protected ChangeDto fromFields(Fields f) {
            EntityType type = f.code("entity", EntityType::fromCode, true);
            boolean deleted = f.bool("deleted", false);
            return new ChangeDto(
                    type,
                    f.requiredString("entityId"),
                    f.requiredLong("version"),
                    deleted,
                    readEntity(f, type, "data", !deleted));
        }

        @Override
        protected void writeFields(JsonWriter out, ChangeDto v) throws IOException {
            put(out, "entity", v.entity().code());
            put(out, "entityId", v.entityId());
            put(out, "version", v.version());
            put(out, "deleted", v.deleted());
            writeEntity(out, "data", v.data());
        }
    }

    public static final class ChangesResponseAdapter extends RecordAdapter<ChangesResponse> {
        @Override
        protected ChangesResponse fromFields(Fields f) {
            return new ChangesResponse(
                    f.objects("changes", CHANGE), f.requiredString("cursor"), f.bool("hasMore", false));
        }

        @Override
        protected void writeFields(JsonWriter out, ChangesResponse v) throws IOException {
            putObjects(out, "changes", CHANGE, v.changes());
            put(out, "cursor", v.cursor());
            put(out, "hasMore", v.hasMore());
        }
    }

    public static final class BlobReceiptAdapter extends RecordAdapter<BlobReceiptDto> {
        @Override
        protected BlobReceiptDto fromFields(Fields f) {
            return new BlobReceiptDto(
                    f.requiredString("sha256"), f.requiredLong("sizeBytes"), f.bool("created", false));
        }

        @Override
        protected void writeFields(JsonWriter out, BlobReceiptDto v) throws IOException {
            put(out, "sha256", v.sha256());
            put(out, "sizeBytes", v.sizeBytes());
            put(out, "created", v.created());
        }
    }

    public static final class BlobsHeldRequestAdapter extends RecordAdapter<BlobsHeldRequest> {
        @Override
        protected BlobsHeldRequest fromFields(Fields f) {
            return new BlobsHeldRequest(f.strings("sha256s"));
        }

        @Override
        protected void writeFields(JsonWriter out, BlobsHeldRequest v) throws IOException {
            putStrings(out, "sha256s", v.sha256s());
        }
    }

    public static final class BlobsHeldResponseAdapter extends RecordAdapter<BlobsHeldResponse> {
        @Override
        protected BlobsHeldResponse fromFields(Fields f) {
            return new BlobsHeldResponse(f.strings("held"));
        }

        @Override
        protected void writeFields(JsonWriter out, BlobsHeldResponse v) throws IOException {
            putStrings(out, "held", v.held());
        }
    }

    public static final class HouseholdMemberAdapter extends RecordAdapter<HouseholdMemberDto> {
        @Override
        protected HouseholdMemberDto fromFields(Fields f) {
            return new HouseholdMemberDto(
                    f.requiredString("id"),
                    f.requiredString("role"),
                    f.string("firstName"),
                    f.optionalInt("birthYear"));
        }

        @Override
        protected void writeFields(JsonWriter out, HouseholdMemberDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "role", v.role());
            put(out, "firstName", v.firstName());
            put(out, "birthYear", v.birthYear() == null ? null : Long.valueOf(v.birthYear()));
        }
    }

    public static final class ContactPersonAdapter extends RecordAdapter<ContactPersonDto> {
        @Override
        protected ContactPersonDto fromFields(Fields f) {
            return new ContactPersonDto(
                    f.requiredString("id"),
                    f.requiredString("name"),
                    f.string("link"),
                    f.string("phone"),
                    f.bool("caregiver", false),
                    f.bool("livesIn", false));
        }

        @Override
        protected void writeFields(JsonWriter out, ContactPersonDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "name", v.name());
            put(out, "link", v.link());
            put(out, "phone", v.phone());
            put(out, "caregiver", v.caregiver());
            put(out, "livesIn", v.livesIn());
        }
    }

    public static final class EnergyCheckAdapter extends RecordAdapter<EnergyCheckDto> {
        @Override
        protected EnergyCheckDto fromFields(Fields f) {
            return new EnergyCheckDto(
                    f.bool("metersChecked", false),
                    f.optionalBool("linky"),
                    f.string("supplyState"),
                    f.optionalLong("limitedKva"),
                    f.date("supplyStateSince"),
                    f.string("heatingType"),
                    f.strings("ecoGestures"),
                    f.strings("equipmentIssues"),
                    f.string("renovationOrientation"));
        }

        @Override
        protected void writeFields(JsonWriter out, EnergyCheckDto v) throws IOException {
            put(out, "metersChecked", v.metersChecked());
            put(out, "linky", v.linky());
            put(out, "supplyState", v.supplyState());
            put(out, "limitedKva", v.limitedKva());
            put(out, "supplyStateSince", v.supplyStateSince());
            put(out, "heatingType", v.heatingType());
            putStrings(out, "ecoGestures", v.ecoGestures());
            putStrings(out, "equipmentIssues", v.equipmentIssues());
            put(out, "renovationOrientation", v.renovationOrientation());
        }
    }

    public static final class ActionAdapter extends RecordAdapter<ActionDto> {
        @Override
        protected ActionDto fromFields(Fields f) {
            return new ActionDto(
                    f.requiredString("id"),
                    f.requiredString("type"),
                    f.string("domain"),
                    f.string("target"),
                    f.date("date"),
                    f.string("result"),
                    f.optionalLong("amountRequestedCents"),
                    f.optionalLong("amountObtainedCents"),
                    f.string("reference"),
                    f.bool("onBehalf", false),
                    f.string("mandateId"),
                    f.string("note"));
        }

        @Override
        protected void writeFields(JsonWriter out, ActionDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "type", v.type());
            put(out, "domain", v.domain());
            put(out, "target", v.target());
            put(out, "date", v.date());
            put(out, "result", v.result());
            put(out, "amountRequestedCents", v.amountRequestedCents());
            put(out, "amountObtainedCents", v.amountObtainedCents());
            put(out, "reference", v.reference());
            put(out, "onBehalf", v.onBehalf());
            put(out, "mandateId", v.mandateId());
            put(out, "note", v.note());
        }
    }

    public static final class OrientationAdapter extends RecordAdapter<OrientationDto> {
        @Override
        protected OrientationDto fromFields(Fields f) {
            return new OrientationDto(
                    f.requiredString("id"),
                    f.requiredString("target"),
                    f.string("reason"),
                    f.date("date"),
                    f.string("mode"),
                    f.bool("consentToTransmit", false),
                    f.string("feedback"));
        }

        @Override
        protected void writeFields(JsonWriter out, OrientationDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "target", v.target());
            put(out, "reason", v.reason());
            put(out, "date", v.date());
            put(out, "mode", v.mode());
            put(out, "consentToTransmit", v.consentToTransmit());
            put(out, "feedback", v.feedback());
        }
    }

    public static final class CheckInAdapter extends RecordAdapter<CheckInDto> {
        @Override
        protected CheckInDto fromFields(Fields f) {
            return new CheckInDto(
                    f.requiredLong("latitudeE6"),
                    f.requiredLong("longitudeE6"),
                    f.optionalLong("accuracyMeters"),
                    f.requiredInstant("at"));
        }

        @Override
        protected void writeFields(JsonWriter out, CheckInDto v) throws IOException {
            put(out, "latitudeE6", v.latitudeE6());
            put(out, "longitudeE6", v.longitudeE6());
            put(out, "accuracyMeters", v.accuracyMeters());
            put(out, "at", v.at());
        }
    }

    public static final class TaskAdapter extends RecordAdapter<TaskDto> {
        @Override
        protected TaskDto fromFields(Fields f) {
            return new TaskDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.requiredString("residentId"),
                    f.string("visitReportId"),
                    f.requiredString("assigneeId"),
                    f.requiredString("title"),
                    f.date("dueDate"),
                    f.requiredString("status"),
                    f.string("ruleCode"),
                    f.string("sourceId"),
                    f.instant("createdAt"),
                    f.instant("closedAt"));
        }

        @Override
        protected void writeFields(JsonWriter out, TaskDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "residentId", v.residentId());
            put(out, "visitReportId", v.visitReportId());
            put(out, "assigneeId", v.assigneeId());
            put(out, "title", v.title());
            put(out, "dueDate", v.dueDate());
            put(out, "status", v.status());
            put(out, "ruleCode", v.ruleCode());
            put(out, "sourceId", v.sourceId());
            put(out, "createdAt", v.createdAt());
            put(out, "closedAt", v.closedAt());
        }
    }

    public static final class ConsentAdapter extends RecordAdapter<ConsentDto> {
        @Override
        protected ConsentDto fromFields(Fields f) {
            return new ConsentDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.requiredString("residentId"),
                    f.requiredString("scope"),
                    f.string("partner"),
                    f.string("noticeVersion"),
                    f.requiredInstant("givenAt"),
                    f.instant("withdrawnAt"),
                    f.string("signatureDocumentId"),
                    f.string("recordedBy"),
                    f.string("medium"));
        }

        @Override
        protected void writeFields(JsonWriter out, ConsentDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "residentId", v.residentId());
            put(out, "scope", v.scope());
            put(out, "partner", v.partner());
            put(out, "noticeVersion", v.noticeVersion());
            put(out, "givenAt", v.givenAt());
            put(out, "withdrawnAt", v.withdrawnAt());
            put(out, "signatureDocumentId", v.signatureDocumentId());
            put(out, "recordedBy", v.recordedBy());
            put(out, "medium", v.medium());
        }
    }

    public static final class MandateAdapter extends RecordAdapter<MandateDto> {
        @Override
        protected MandateDto fromFields(Fields f) {
            return new MandateDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.requiredString("residentId"),
                    f.strings("demarches"),
                    f.strings("creditors"),
                    f.requiredString("duration"),
                    f.date("startDate"),
                    f.date("endDate"),
                    f.instant("revokedAt"),
                    f.bool("notUnderProtection", false),
                    f.string("place"),
                    f.strings("agentIds"),
                    f.string("residentSignatureDocumentId"),
                    f.string("agentSignatureDocumentId"),
                    f.string("channel"),
                    f.instant("signedAt"));
        }

        @Override
        protected void writeFields(JsonWriter out, MandateDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "residentId", v.residentId());
            putStrings(out, "demarches", v.demarches());
            putStrings(out, "creditors", v.creditors());
            put(out, "duration", v.duration());
            put(out, "startDate", v.startDate());
            put(out, "endDate", v.endDate());
            put(out, "revokedAt", v.revokedAt());
            put(out, "notUnderProtection", v.notUnderProtection());
            put(out, "place", v.place());
            putStrings(out, "agentIds", v.agentIds());
            put(out, "residentSignatureDocumentId", v.residentSignatureDocumentId());
            put(out, "agentSignatureDocumentId", v.agentSignatureDocumentId());
            put(out, "channel", v.channel());
            put(out, "signedAt", v.signedAt());
        }
    }

    public static final class PrivateNoteAdapter extends RecordAdapter<PrivateNoteDto> {
        @Override
        protected PrivateNoteDto fromFields(Fields f) {
            return new PrivateNoteDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.requiredString("residentId"),
                    f.requiredString("authorId"),
                    f.string("text"),
                    f.instant("updatedAt"));
        }

        @Override
        protected void writeFields(JsonWriter out, PrivateNoteDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "residentId", v.residentId());
            put(out, "authorId", v.authorId());
            put(out, "text", v.text());
            put(out, "updatedAt", v.updatedAt());
        }
    }

    public static final class CaseOutcomeAdapter extends RecordAdapter<CaseOutcomeDto> {
        @Override
        protected CaseOutcomeDto fromFields(Fields f) {
            return new CaseOutcomeDto(f.requiredString("code"), f.optionalLong("amountCents"));
        }

        @Override
        protected void writeFields(JsonWriter out, CaseOutcomeDto v) throws IOException {
            put(out, "code", v.code());
            put(out, "amountCents", v.amountCents());
        }
    }

    public static final class CaseAdapter extends RecordAdapter<CaseDto> {
        @Override
        protected CaseDto fromFields(Fields f) {
            return new CaseDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.requiredString("residentId"),
                    f.string("referentId"),
                    f.date("openedOn"),
                    f.string("originRequestId"),
                    f.strings("domains"),
                    f.strings("goals"),
                    f.requiredString("status"),
                    f.date("closedOn"),
                    f.string("closingReason"),
                    f.objects("outcomes", CASE_OUTCOME),
                    f.instant("createdAt"),
                    f.string("createdBy"));
        }

        @Override
        protected void writeFields(JsonWriter out, CaseDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "residentId", v.residentId());
            put(out, "referentId", v.referentId());
            put(out, "openedOn", v.openedOn());
            put(out, "originRequestId", v.originRequestId());
            putStrings(out, "domains", v.domains());
            putStrings(out, "goals", v.goals());
            put(out, "status", v.status());
            put(out, "closedOn", v.closedOn());
            put(out, "closingReason", v.closingReason());
            putObjects(out, "outcomes", CASE_OUTCOME, v.outcomes());
            put(out, "createdAt", v.createdAt());
            put(out, "createdBy", v.createdBy());
        }
    }

    public static final class RequestAdapter extends RecordAdapter<RequestDto> {
        @Override
        protected RequestDto fromFields(Fields f) {
            return new RequestDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.requiredString("residentId"),
                    f.string("caseId"),
                    f.date("receivedOn"),
                    f.requiredString("channel"),
                    f.string("referrer"),
                    f.strings("domains"),
                    f.strings("urgencies"),
                    f.date("courtDate"),
                    f.string("description"),
                    f.requiredString("status"),
                    f.string("visitReportId"),
                    f.instant("createdAt"),
                    f.string("createdBy"),
                    f.object("homeVisit", HOME_VISIT));
        }

        @Override
        protected void writeFields(JsonWriter out, RequestDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "residentId", v.residentId());
            put(out, "caseId", v.caseId());
            put(out, "receivedOn", v.receivedOn());
            put(out, "channel", v.channel());
            put(out, "referrer", v.referrer());
            putStrings(out, "domains", v.domains());
            putStrings(out, "urgencies", v.urgencies());
            put(out, "courtDate", v.courtDate());
            put(out, "description", v.description());
            put(out, "status", v.status());
            put(out, "visitReportId", v.visitReportId());
            put(out, "createdAt", v.createdAt());
            put(out, "createdBy", v.createdBy());
            putObject(out, "homeVisit", HOME_VISIT, v.homeVisit());
        }
    }

    public static final class HomeVisitAdapter extends RecordAdapter<HomeVisitDto> {
        @Override
        protected HomeVisitDto fromFields(Fields f) {
            return new HomeVisitDto(
                    f.requiredString("kind"),
                    f.optionalInt("minutes"),
                    f.strings("availability"),
                    f.dates("avoidDates"));
        }

        @Override
        protected void writeFields(JsonWriter out, HomeVisitDto v) throws IOException {
            put(out, "kind", v.kind());
            put(out, "minutes", v.minutes() == null ? null : Long.valueOf(v.minutes()));
            putStrings(out, "availability", v.availability());
            putDates(out, "avoidDates", v.avoidDates());
        }
    }

    public static final class AnonymousContactAdapter extends RecordAdapter<AnonymousContactDto> {
        @Override
        protected AnonymousContactDto fromFields(Fields f) {
            return new AnonymousContactDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.string("counsellorId"),
                    f.instant("at"),
                    f.requiredString("channel"),
                    f.strings("domains"),
                    f.strings("motifs"),
                    f.strings("actionTypes"),
                    f.string("ageBand"),
                    f.optionalInt("durationMinutes"));
        }

        @Override
        protected void writeFields(JsonWriter out, AnonymousContactDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "counsellorId", v.counsellorId());
            put(out, "at", v.at());
            put(out, "channel", v.channel());
            putStrings(out, "domains", v.domains());
            putStrings(out, "motifs", v.motifs());
            putStrings(out, "actionTypes", v.actionTypes());
            put(out, "ageBand", v.ageBand());
            put(
                    out,
                    "durationMinutes",
                    v.durationMinutes() == null ? null : v.durationMinutes().longValue());
        }
    }

    public static final class FigureAdapter extends RecordAdapter<FigureDto> {
        @Override
        protected FigureDto fromFields(Fields f) {
            return new FigureDto(
                    f.requiredString("indicator"),
                    f.string("key"),
                    f.optionalLong("count"),
                    f.optionalLong("amountCents"));
        }

        @Override
        protected void writeFields(JsonWriter out, FigureDto v) throws IOException {
            put(out, "indicator", v.indicator());
            put(out, "key", v.key());
            put(out, "count", v.count());
            put(out, "amountCents", v.amountCents());
        }
    }

    public static final class FiguresResponseAdapter extends RecordAdapter<FiguresResponse> {
        @Override
        protected FiguresResponse fromFields(Fields f) {
            return new FiguresResponse(
                    f.date("from"), f.date("to"), f.bool("smallCountsHidden", false), f.objects("figures", FIGURE));
        }

        @Override
        protected void writeFields(JsonWriter out, FiguresResponse v) throws IOException {
            put(out, "from", v.from());
            put(out, "to", v.to());
            put(out, "smallCountsHidden", v.smallCountsHidden());
            putObjects(out, "figures", FIGURE, v.figures());
        }
    }

    public static final class ChequeEnergieAdapter extends RecordAdapter<ChequeEnergieDto> {
        @Override
        protected ChequeEnergieDto fromFields(Fields f) {
            return new ChequeEnergieDto(
                    f.requiredLong("year"), f.optionalLong("amountCents"), f.date("attestationSentOn"));
        }

        @Override
        protected void writeFields(JsonWriter out, ChequeEnergieDto v) throws IOException {
            put(out, "year", v.year());
            put(out, "amountCents", v.amountCents());
            put(out, "attestationSentOn", v.attestationSentOn());
        }
    }

    public static final class SupplyStateAdapter extends RecordAdapter<SupplyStateDto> {
        @Override
        protected SupplyStateDto fromFields(Fields f) {
            return new SupplyStateDto(
                    f.requiredString("id"),
                    f.requiredString("state"),
                    f.optionalLong("kva"),
                    f.date("date"),
                    f.string("source"),
                    f.string("visitReportId"));
        }

        @Override
        protected void writeFields(JsonWriter out, SupplyStateDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "state", v.state());
            put(out, "kva", v.kva());
            put(out, "date", v.date());
            put(out, "source", v.source());
            put(out, "visitReportId", v.visitReportId());
        }
    }

    public static final class EnergyContractAdapter extends RecordAdapter<EnergyContractDto> {
        @Override
        protected EnergyContractDto fromFields(Fields f) {
            return new EnergyContractDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.requiredString("residentId"),
                    f.requiredString("energy"),
                    f.string("supplier"),
                    f.string("offer"),
                    f.string("deliveryPoint"),
                    f.optionalLong("subscribedKva"),
                    f.optionalBool("smartMeter"),
                    f.string("billingMode"),
                    f.string("customerNumber"),
                    f.date("lastReadingDate"),
                    f.objects("chequesEnergie", CHEQUE_ENERGIE),
                    f.objects("supplyStates", SUPPLY_STATE));
        }

        @Override
        protected void writeFields(JsonWriter out, EnergyContractDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "residentId", v.residentId());
            put(out, "energy", v.energy());
            put(out, "supplier", v.supplier());
            put(out, "offer", v.offer());
            put(out, "deliveryPoint", v.deliveryPoint());
            put(out, "subscribedKva", v.subscribedKva());
            put(out, "smartMeter", v.smartMeter());
            put(out, "billingMode", v.billingMode());
            put(out, "customerNumber", v.customerNumber());
            put(out, "lastReadingDate", v.lastReadingDate());
            putObjects(out, "chequesEnergie", CHEQUE_ENERGIE, v.chequesEnergie());
            putObjects(out, "supplyStates", SUPPLY_STATE, v.supplyStates());
        }
    }

    public static final class DebtStageAdapter extends RecordAdapter<DebtStageDto> {
        @Override
        protected DebtStageDto fromFields(Fields f) {
            return new DebtStageDto(f.requiredString("stage"), f.date("date"));
        }

        @Override
        protected void writeFields(JsonWriter out, DebtStageDto v) throws IOException {
            put(out, "stage", v.stage());
            put(out, "date", v.date());
        }
    }

    public static final class DebtAdapter extends RecordAdapter<DebtDto> {
        @Override
        protected DebtDto fromFields(Fields f) {
            return new DebtDto(
                    f.requiredString("id"),
                    f.string("structureId"),
                    f.requiredString("residentId"),
                    f.string("creditorCategory"),
                    f.string("creditor"),
                    f.string("contractId"),
                    f.optionalLong("amountCents"),
                    f.date("issueDate"),
                    f.date("dueDate"),
                    f.date("firstReminderOn"),
                    f.date("secondLetterOn"),
                    f.date("fslFiledOn"),
                    f.date("fslAidOn"),
                    f.date("complaintOn"),
                    f.string("status"),
                    f.objects("stages", DEBT_STAGE),
                    f.string("customerNumber"),
                    f.string("invoices"),
                    f.optionalLong("feesCents"));
        }

        @Override
        protected void writeFields(JsonWriter out, DebtDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "structureId", v.structureId());
            put(out, "residentId", v.residentId());
            put(out, "creditorCategory", v.creditorCategory());
            put(out, "creditor", v.creditor());
            put(out, "contractId", v.contractId());
            put(out, "amountCents", v.amountCents());
            put(out, "issueDate", v.issueDate());
            put(out, "dueDate", v.dueDate());
            put(out, "firstReminderOn", v.firstReminderOn());
            put(out, "secondLetterOn", v.secondLetterOn());
            put(out, "fslFiledOn", v.fslFiledOn());
            put(out, "fslAidOn", v.fslAidOn());
            put(out, "complaintOn", v.complaintOn());
            put(out, "status", v.status());
            putObjects(out, "stages", DEBT_STAGE, v.stages());
            put(out, "customerNumber", v.customerNumber());
            put(out, "invoices", v.invoices());
            put(out, "feesCents", v.feesCents());
        }
    }

    public static final HouseholdMemberAdapter HOUSEHOLD_MEMBER = new HouseholdMemberAdapter();
    public static final ContactPersonAdapter CONTACT_PERSON = new ContactPersonAdapter();
    public static final GeoPointAdapter GEO_POINT = new GeoPointAdapter();
    public static final HomeVisitAdapter HOME_VISIT = new HomeVisitAdapter();
    public static final EnergyCheckAdapter ENERGY_CHECK = new EnergyCheckAdapter();
    public static final ActionAdapter ACTION = new ActionAdapter();
    public static final OrientationAdapter ORIENTATION = new OrientationAdapter();
    public static final CheckInAdapter CHECK_IN = new CheckInAdapter();
    public static final TaskAdapter TASK = new TaskAdapter();
    public static final ConsentAdapter CONSENT = new ConsentAdapter();
    public static final MandateAdapter MANDATE = new MandateAdapter();
    public static final PrivateNoteAdapter PRIVATE_NOTE = new PrivateNoteAdapter();
    public static final CaseOutcomeAdapter CASE_OUTCOME = new CaseOutcomeAdapter();
    public static final CaseAdapter CASE = new CaseAdapter();
    public static final RequestAdapter REQUEST = new RequestAdapter();
    public static final AnonymousContactAdapter ANONYMOUS_CONTACT = new AnonymousContactAdapter();
    public static final FigureAdapter FIGURE = new FigureAdapter();
    public static final FiguresResponseAdapter FIGURES_RESPONSE = new FiguresResponseAdapter();
    public static final ChequeEnergieAdapter CHEQUE_ENERGIE = new ChequeEnergieAdapter();
    public static final SupplyStateAdapter SUPPLY_STATE = new SupplyStateAdapter();
    public static final EnergyContractAdapter ENERGY_CONTRACT = new EnergyContractAdapter();
    public static final DebtStageAdapter DEBT_STAGE = new DebtStageAdapter();
    public static final DebtAdapter DEBT = new DebtAdapter();

    public static final HealthAdapter HEALTH = new HealthAdapter();
    public static final UserAdapter USER = new UserAdapter();
    public static final UsersResponseAdapter USERS_RESPONSE = new UsersResponseAdapter();
    public static final LoginRequestAdapter LOGIN_REQUEST = new LoginRequestAdapter();
    public static final LoginResponseAdapter LOGIN_RESPONSE = new LoginResponseAdapter();
    public static final RefreshRequestAdapter REFRESH_REQUEST = new RefreshRequestAdapter();
    public static final FieldErrorAdapter FIELD_ERROR = new FieldErrorAdapter();
    public static final ProblemAdapter PROBLEM = new ProblemAdapter();
    public static final ResidentAdapter RESIDENT = new ResidentAdapter();
    public static final AppointmentAdapter APPOINTMENT = new AppointmentAdapter();
    public static final VisitReportAdapter VISIT_REPORT = new VisitReportAdapter();
    public static final DocumentAdapter DOCUMENT = new DocumentAdapter();
    public static final CodeAdapter CODE = new CodeAdapter();
    public static final ConflictAdapter CONFLICT = new ConflictAdapter();
    public static final BlobStatusAdapter BLOB_STATUS = new BlobStatusAdapter();
    public static final OperationAdapter OPERATION = new OperationAdapter();
    public static final OperationResultAdapter OPERATION_RESULT = new OperationResultAdapter();
    public static final PushRequestAdapter PUSH_REQUEST = new PushRequestAdapter();
    public static final PushResponseAdapter PUSH_RESPONSE = new PushResponseAdapter();
    public static final ChangeAdapter CHANGE = new ChangeAdapter();
    public static final ChangesResponseAdapter CHANGES_RESPONSE = new ChangesResponseAdapter();
    public static final BlobReceiptAdapter BLOB_RECEIPT = new BlobReceiptAdapter();
    public static final BlobsHeldRequestAdapter BLOBS_HELD_REQUEST = new BlobsHeldRequestAdapter();
    public static final BlobsHeldResponseAdapter BLOBS_HELD_RESPONSE = new BlobsHeldResponseAdapter();
}
