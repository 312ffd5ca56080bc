package fr.mediance.protocol.json;

import com.google.gson.stream.JsonWriter;
import fr.mediance.protocol.AccountDto;
import fr.mediance.protocol.AccountPasswordDto;
import fr.mediance.protocol.AccountRequest;
import fr.mediance.protocol.AccountsResponse;
import fr.mediance.protocol.DeviceDto;
import fr.mediance.protocol.DevicesResponse;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.TotpEnrolmentDto;
import java.io.IOException;

/** Adapters of the accounts and devices records. */
public final class AccountAdapters {
    private AccountAdapters() {}

    public static final RecordAdapter<AccountDto> ACCOUNT = new RecordAdapter<>() {
        @Override
        protected AccountDto fromFields(Fields f) {
            return new AccountDto(
                    f.requiredString("id"),
                    f.requiredString("username"),
                    f.string("displayName"),
                    f.code("role", Role::fromCode, true),
                    f.bool("active", true),
                    f.bool("mustChangePassword", false),
                    f.bool("secondFactorEnrolled", false),
                    f.intOr("failedLogins", 0),
                    f.instant("lastSeenAt"),
                    f.instant("lastSyncAt"));
        }

        @Override
        protected void writeFields(JsonWriter out, AccountDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "username", v.username());
            put(out, "displayName", v.displayName());
            put(out, "role", v.role() == null ? null : v.role().code());
            put(out, "active", v.active());
            put(out, "mustChangePassword", v.mustChangePassword());
            put(out, "secondFactorEnrolled", v.secondFactorEnrolled());
            put(out, "failedLogins", (long) v.failedLogins());
            put(out, "lastSeenAt", v.lastSeenAt());
            put(out, "lastSyncAt", v.lastSyncAt());
        }
    };

    public static final RecordAdapter<AccountsResponse> ACCOUNTS = new RecordAdapter<>() {
        @Override
        protected AccountsResponse fromFields(Fields f) {
            return new AccountsResponse(f.objects("accounts", ACCOUNT));
        }

        @Override
        protected void writeFields(JsonWriter out, AccountsResponse v) throws IOException {
            putObjects(out, "accounts", ACCOUNT, v.accounts());
        }
    };

    public static final RecordAdapter<AccountRequest> ACCOUNT_REQUEST = new RecordAdapter<>() {
        @Override
        protected AccountRequest fromFields(Fields f) {
            return new AccountRequest(
                    f.string("username"),
                    f.string("displayName"),
                    f.code("role", Role::fromCode, false),
                    f.optionalBool("active"));
        }

        @Override
        protected void writeFields(JsonWriter out, AccountRequest v) throws IOException {
            put(out, "username", v.username());
            put(out, "displayName", v.displayName());
            put(out, "role", v.role() == null ? null : v.role().code());
            put(out, "active", v.active());
        }
    };

    public static final RecordAdapter<AccountPasswordDto> ACCOUNT_PASSWORD = new RecordAdapter<>() {
        @Override
        protected AccountPasswordDto fromFields(Fields f) {
            return new AccountPasswordDto(f.requiredObject("account", ACCOUNT), f.requiredString("temporaryPassword"));
        }

        @Override
        protected void writeFields(JsonWriter out, AccountPasswordDto v) throws IOException {
            putObject(out, "account", ACCOUNT, v.account());
            put(out, "temporaryPassword", v.temporaryPassword());
        }
    };

    public static final RecordAdapter<DeviceDto> DEVICE = new RecordAdapter<>() {
        @Override
        protected DeviceDto fromFields(Fields f) {
            return new DeviceDto(
                    f.requiredString("id"),
                    f.requiredString("deviceId"),
                    f.instant("firstSeenAt"),
                    f.instant("lastSeenAt"),
                    f.instant("lastSyncAt"),
                    f.string("appVersion"),
                    f.instant("revokedAt"),
                    f.instant("wipeAfter"),
                    f.instant("wipedAt"));
        }

        @Override
        protected void writeFields(JsonWriter out, DeviceDto v) throws IOException {
            put(out, "id", v.id());
            put(out, "deviceId", v.deviceId());
            put(out, "firstSeenAt", v.firstSeenAt());
            put(out, "lastSeenAt", v.lastSeenAt());
            put(out, "lastSyncAt", v.lastSyncAt());
            put(out, "appVersion", v.appVersion());
            put(out, "revokedAt", v.revokedAt());
            put(out, "wipeAfter", v.wipeAfter());
            put(out, "wipedAt", v.wipedAt());
        }
    };

    public static final RecordAdapter<DevicesResponse> DEVICES = new RecordAdapter<>() {
        @Override
        protected DevicesResponse fromFields(Fields f) {
            return new DevicesResponse(f.objects("devices", DEVICE));
        }

        @Override
        protected void writeFields(JsonWriter out, DevicesResponse v) throws IOException {
            putObjects(out, "devices", DEVICE, v.devices());
        }
    };

    public static final RecordAdapter<TotpEnrolmentDto> TOTP_ENROLMENT = new RecordAdapter<>() {
        @Override
        protected TotpEnrolmentDto fromFields(Fields f) {
            return new TotpEnrolmentDto(f.requiredString("secret"), f.requiredString("otpauthUri"));
        }

        @Override
        protected void writeFields(JsonWriter out, TotpEnrolmentDto v) throws IOException {
            put(out, "secret", v.secret());
            put(out, "otpauthUri", v.otpauthUri());
        }
    };
}
