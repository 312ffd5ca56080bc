package fr.mediance.app.core.overindebtedness;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.OverindebtednessFileDto;
import fr.mediance.protocol.OverindebtednessFiles;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Overindebtedness files in the device's encrypted store; each save and its outbox entry in one transaction. */
public final class SqliteOverindebtednessService implements OverindebtednessService {
    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;
    private final ZoneId zone;

    public SqliteOverindebtednessService(
            StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock, ZoneId zone) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public List<OverindebtednessFileDto> files(String residentId) {
        return store.db()
                .read(tx -> tx.query(
                        "SELECT data FROM overindebtedness_files WHERE resident_id = ?"
                                + " ORDER BY started_on DESC, updated_at DESC",
                        Records::overindebtednessFile,
                        residentId));
    }

    @Override
    public OverindebtednessFileDto start(String residentId) {
        return new OverindebtednessFileDto(
                UUID.randomUUID().toString(),
                account.get().structureId(),
                residentId,
                "paper",
                false,
                LocalDate.now(clock.withZone(zone)),
                null,
                "preparing",
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null);
    }

    @Override
    public Outcome<OverindebtednessFileDto> save(OverindebtednessFileDto file) {
        if (!account.get().writesHouseholdRecords()) {
            return Outcome.failed(CoreMessages.get("household.readOnly"));
        }
        Optional<FieldErrorDto> problem = OverindebtednessFiles.problem(file);
        if (problem.isPresent()) {
            return Outcome.invalid(Map.of(problem.get().field(), problem.get().message()));
        }
        return store.db().inTransaction(tx -> {
            if (!Records.exists(tx, EntityType.RESIDENT, file.residentId())) {
                return Outcome.failed(CoreMessages.get("resident.notFound"));
            }
            Instant now = clock.instant();
            OverindebtednessFileDto saved = new OverindebtednessFileDto(
                    file.id(),
                    account.get().structureId(),
                    file.residentId(),
                    file.channel(),
                    file.coDepositor(),
                    file.startedOn(),
                    file.filedOn(),
                    file.status(),
                    file.admissibilityDecisionOn(),
                    file.orientationDecisionOn(),
                    file.planMonths(),
                    file.resteAVivreCents(),
                    file.monthlyRepaymentCents(),
                    file.ficp(),
                    file.note() == null || file.note().isBlank()
                            ? null
                            : file.note().strip(),
                    now);
            Records.upsert(tx, saved, null, now, null);
            outbox.enqueue(tx, saved, CoreMessages.get("summary.overindebtedness"));
            return Outcome.ok(saved);
        });
    }
}
