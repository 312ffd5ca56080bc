package fr.mediance.protocol.json;

import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.BlobReceiptDto;
import fr.mediance.protocol.BlobStatusDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.HealthDto;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.RefreshRequest;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.UserDto;
import fr.mediance.protocol.UsersResponse;
import fr.mediance.protocol.VisitReportDto;

import java.io.IOException;

/** The adapter of every wire type. Field names on the wire are the record component names. */
public final class Adapters {
    private Adapters() {
    }

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
            return new UserDto(f.requiredString("id"), f.requiredString("username"), f.string("displayName"),
                    f.code("role", Role::fromCode, true), f.string("structureId"));
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
            return new LoginRequest(f.requiredString("username"), f.requiredString("password"),
                    f.requiredString("deviceId"));
        }

        @Override
        protected void writeFields(JsonWriter out, LoginRequest v) throws IOException {
            put(out, "username", v.username());
            put(out, "password", v.password());
            put(out, "deviceId", v.deviceId());
        }
    }

    public static final class LoginResponseAdapter extends RecordAdapter<LoginResponse> {
        @Override
        protected LoginResponse fromFields(Fields f) {
            return new LoginResponse(f.requiredString("accessToken"), f.requiredInstant("accessExpiresAt"),
                    f.requiredString("refreshToken"), f.requiredInstant("refreshExpiresAt"),
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
            return new ProblemDto(f.string("type"), f.string("title"), f.intOr("status", 0), f.string("detail"),
                    f.string("instance"), f.string("code"), f.objects("errors", FIELD_ERROR));
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
            return new ResidentDto(f.requiredString("id"), f.string("structureId"), f.string("fileNumber"),
                    f.string("civility"), f.requiredString("lastName"), f.string("firstName"),
                    f.date("birthDate"), f.string("phone"), f.string("street"), f.string("postcode"),
                    f.string("city"), f.string("accessNotes"), f.string("mobilityReason"),
                    f.string("referentId"));
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
        }
    }

    public static final class AppointmentAdapter extends RecordAdapter<AppointmentDto> {
        @Override
        protected AppointmentDto fromFields(Fields f) {
            return new AppointmentDto(f.requiredString("id"), f.string("structureId"), f.requiredString("residentId"),
                    f.requiredString("counsellorId"), f.requiredString("type"), f.requiredInstant("start"),
                    f.requiredInstant("end"), f.requiredString("status"), f.string("address"), f.string("notes"),
                    f.string("statusReason"));
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
        }
    }

    public static final class VisitReportAdapter extends RecordAdapter<VisitReportDto> {
        @Override
        protected VisitReportDto fromFields(Fields f) {
            return new VisitReportDto(f.requiredString("id"), f.string("structureId"), f.string("appointmentId"),
                    f.requiredString("residentId"), f.requiredString("counsellorId"), f.requiredString("medium"),
                    f.strings("domains"), f.string("synthesis"), f.string("followUp"), f.date("followUpDue"),
                    f.instant("startedAt"), f.instant("completedAt"), f.string("supersedes"));
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
        }
    }

    public static final class DocumentAdapter extends RecordAdapter<DocumentDto> {
        @Override
        protected DocumentDto fromFields(Fields f) {
            return new DocumentDto(f.requiredString("id"), f.string("structureId"), f.string("visitReportId"),
                    f.requiredString("residentId"), f.requiredString("type"), f.requiredString("sha256"),
                    f.requiredString("mimeType"), f.requiredLong("sizeBytes"), f.instant("capturedAt"),
                    f.date("retentionUntil"));
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
        }
    }

    public static final class CodeAdapter extends RecordAdapter<CodeDto> {
        @Override
        protected CodeDto fromFields(Fields f) {
            return new CodeDto(f.requiredString("list"), f.requiredString("code"), f.requiredString("label"),
                    f.string("parent"), f.intOr("sortOrder", 0), f.bool("active", true));
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
        }
    }

    public static final class ConflictAdapter extends RecordAdapter<ConflictDto> {
        @Override
        protected ConflictDto fromFields(Fields f) {
            return new ConflictDto(f.requiredString("id"), f.string("structureId"),
                    f.code("entity", EntityType::fromCode, true), f.requiredString("entityId"),
                    f.requiredString("field"), f.string("baseValue"), f.string("serverValue"),
                    f.string("clientValue"), f.string("serverAuthorId"), f.string("clientAuthorId"),
                    f.instant("detectedAt"), f.requiredString("status"), f.string("resolvedValue"),
                    f.string("resolvedBy"), f.instant("resolvedAt"));
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
            return new BlobStatusDto(f.requiredString("sha256"), f.requiredLong("sizeBytes"), f.instant("receivedAt"),
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
            RecordAdapter<EntityDto> a = (RecordAdapter<EntityDto>) (RecordAdapter<?>) entityAdapter(EntityType.of(value));
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
            return new OperationDto(f.requiredString("opId"), type, entityId, f.optionalLong("baseVersion"),
                    delete, data, f.strings("changedFields"));
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
            return new OperationResultDto(f.requiredString("opId"), f.code("status", OpStatus::fromCode, true),
                    f.optionalLong("version"), f.string("code"), f.string("message"));
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
            return new ChangeDto(type, f.requiredString("entityId"), f.requiredLong("version"), deleted,
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
            return new ChangesResponse(f.objects("changes", CHANGE), f.requiredString("cursor"),
                    f.bool("hasMore", false));
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
            return new BlobReceiptDto(f.requiredString("sha256"), f.requiredLong("sizeBytes"),
                    f.bool("created", false));
        }

        @Override
        protected void writeFields(JsonWriter out, BlobReceiptDto v) throws IOException {
            put(out, "sha256", v.sha256());
            put(out, "sizeBytes", v.sizeBytes());
            put(out, "created", v.created());
        }
    }

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
}
