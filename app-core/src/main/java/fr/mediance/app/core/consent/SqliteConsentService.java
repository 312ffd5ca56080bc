package fr.mediance.app.core.consent;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.FormErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.SqliteReferenceService;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.signature.Signature;
import fr.mediance.app.core.signature.SqliteSignatureService;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Consents in the encrypted local database, queued in the same transaction. */
public final class SqliteConsentService implements ConsentService {
    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;
    private final SqliteSignatureService signatures;

    public SqliteConsentService(
            StoreHolder store,
            Outbox outbox,
            Supplier<AccountInfo> account,
            Clock clock,
            SqliteSignatureService signatures) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
        this.signatures = signatures;
    }

    @Override
    public Optional<String> currentNoticeVersion() {
        return store.db().read(tx -> SqliteSignatureService.codeValue(tx, ListNames.SETTING, NOTICE));
    }

    @Override
    public Outcome<ConsentDto> acknowledgeNotice(String residentId, String medium, Signature signature) {
        Optional<String> version = currentNoticeVersion();
        if (version.isEmpty()) {
            return Outcome.failed(CoreMessages.get("consent.notice.unknown"));
        }
        return record(
                residentId,
                NOTICE,
                null,
                version.get(),
                medium,
                signature,
                CoreMessages.get("consent.signature.notice", version.get()));
    }

    @Override
    public Outcome<ConsentDto> give(
            String residentId, String scope, String partner, String medium, Signature signature) {
        String s = Texts.clean(scope);
        String p = Texts.clean(partner);
        FormErrors e = new FormErrors();
        e.required("scope", s);
        if (s != null && SCOPES_WITH_PARTNER.contains(s)) {
            e.required("partner", p);
        }
        e.maxLength("partner", p, Limits.MAX_SHORT_TEXT);
        if (!e.isEmpty()) {
            return e.toOutcome();
        }
        if (!store.db().read(tx -> SqliteReferenceService.acceptable(tx, ListNames.CONSENT_SCOPE, s))) {
            return Outcome.invalid(java.util.Map.of("scope", CoreMessages.get("field.unknownCode")));
        }
        String label = store.db().read(tx -> SqliteReferenceService.label(tx, ListNames.CONSENT_SCOPE, s));
        return record(
                residentId,
                s,
                s != null && SCOPES_WITH_PARTNER.contains(s) ? p : null,
                null,
                medium,
                signature,
                CoreMessages.get("consent.signature.title", label + (p == null ? "" : " – " + p)));
    }

    private Outcome<ConsentDto> record(
            String residentId,
            String scope,
            String partner,
            String noticeVersion,
            String medium,
            Signature signature,
            String title) {
        AccountInfo me = account.get();
        SqliteSignatureService.Stored bytes =
                signature == null || signature.isEmpty() ? null : signatures.render(signature);
        return store.db().inTransaction(tx -> {
            if (!Records.exists(tx, EntityType.RESIDENT, residentId)) {
                return Outcome.failed(CoreMessages.get("resident.notFound"));
            }
            String signatureId = bytes == null ? null : signatures.insert(tx, bytes, residentId, null, title, null);
            Instant now = clock.instant();
            ConsentDto dto = new ConsentDto(
                    UUID.randomUUID().toString(),
                    me.structureId(),
                    residentId,
                    scope,
                    partner,
                    noticeVersion,
                    now,
                    null,
                    signatureId,
                    me.userId(),
                    Texts.clean(medium));
            Records.upsert(tx, dto, null, now, null);
            outbox.enqueue(tx, dto, CoreMessages.get("summary.consent", title));
            return Outcome.ok(dto);
        });
    }

    @Override
    public Outcome<ConsentDto> withdraw(String consentId) {
        return store.db().inTransaction(tx -> {
            Optional<ConsentDto> found =
                    Records.load(tx, EntityType.CONSENT, consentId).map(ConsentDto.class::cast);
            if (found.isEmpty()) {
                return Outcome.failed(CoreMessages.get("consent.notFound"));
            }
            ConsentDto c = found.get();
            if (c.withdrawnAt() != null) {
                return Outcome.ok(c);
            }
            Instant now = clock.instant();
            ConsentDto withdrawn = new ConsentDto(
                    c.id(),
                    c.structureId(),
                    c.residentId(),
                    c.scope(),
                    c.partner(),
                    c.noticeVersion(),
                    c.givenAt(),
                    now,
                    c.signatureDocumentId(),
                    c.recordedBy(),
                    c.medium());
            Records.upsert(tx, withdrawn, null, now, null);
            outbox.enqueue(tx, withdrawn, CoreMessages.get("summary.consent.withdrawn"));
            return Outcome.ok(withdrawn);
        });
    }

    @Override
    public List<ConsentDto> consents(String residentId) {
        return store.db()
                .read(tx -> tx.query(
                        "SELECT * FROM consents WHERE resident_id = ? ORDER BY given_at DESC, id",
                        Records::consent,
                        residentId));
    }
}
