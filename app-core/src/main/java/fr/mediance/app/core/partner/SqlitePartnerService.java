package fr.mediance.app.core.partner;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.PartnerServiceDto;
import fr.mediance.protocol.Partners;
import fr.mediance.protocol.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The partner directory in the device's encrypted store; each save and its outbox entry in one transaction. */
public final class SqlitePartnerService implements PartnerService {
    private static final Set<Role> EDITORS = fr.mediance.protocol.Permissions.PUSHERS.get(EntityType.PARTNER);

    private final StoreHolder store;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;
    private final Clock clock;

    public SqlitePartnerService(StoreHolder store, Outbox outbox, Supplier<AccountInfo> account, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.account = account;
        this.clock = clock;
    }

    @Override
    public List<PartnerDto> creditors(String category) {
        return store.db()
                .read(tx -> category == null
                        ? tx.query("SELECT data FROM partners WHERE active = 1 ORDER BY name, id", Records::partner)
                        : tx.query(
                                "SELECT data FROM partners WHERE active = 1 AND instr(categories, ?) > 0 ORDER BY name, id",
                                Records::partner,
                                "," + category + ","));
    }

    @Override
    public Optional<PartnerDto> partner(String id) {
        return id == null ? Optional.empty() : store.db().read(tx -> find(tx, id));
    }

    @Override
    public String name(String id) {
        return id == null ? null : store.db().read(tx -> name(tx, id));
    }

    @Override
    public List<PartnerDto> search(String query, boolean withInactive) {
        List<String> words = Partners.queryWords(query);
        StringBuilder sql = new StringBuilder("SELECT data FROM partners WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!withInactive) {
            sql.append(" AND active = 1");
        }
        for (String w : words) {
            sql.append(" AND instr(search_key, ?) > 0");
            args.add(" " + w);
        }
        sql.append(" ORDER BY active DESC, name, id");
        return store.db().read(tx -> tx.query(sql.toString(), Records::partner, args.toArray()));
    }

    @Override
    public boolean canEdit() {
        AccountInfo me = account.get();
        return me != null && EDITORS.contains(me.role());
    }

    @Override
    public Outcome<PartnerDto> save(PartnerDto draft, boolean creating) {
        if (!canEdit()) {
            return Outcome.failed(CoreMessages.get("partner.forbidden"));
        }
        PartnerDto p = clean(draft);
        return store.db().inTransaction(tx -> {
            Map<String, String> errors = problems(tx, p);
            boolean exists = Records.exists(tx, EntityType.PARTNER, p.id());
            if (creating && exists) {
                errors.putIfAbsent("id", CoreMessages.get("partner.id.taken"));
            }
            if (!errors.isEmpty()) {
                return Outcome.invalid(errors);
            }
            if (!creating && !exists) {
                return Outcome.failed(CoreMessages.get("partner.notFound"));
            }
            if (!creating && find(tx, p.id()).filter(p::equals).isPresent()) {
                return Outcome.ok(p); // nothing changed: nothing to send
            }
            Records.upsert(tx, p, null, clock.instant(), null);
            outbox.enqueue(tx, p, CoreMessages.get("summary.partner", p.name()));
            return Outcome.ok(p);
        });
    }

    /** What the server would refuse in a partner, field path by field path, in French. */
    static Map<String, String> problems(Tx tx, PartnerDto p) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Partners.Problem problem : Partners.problems(p)) {
            String key = "partner.problem." + problem.code();
            errors.putIfAbsent(problem.field(), CoreMessages.has(key) ? CoreMessages.get(key) : problem.message());
        }
        if (p.type() != null && !errors.containsKey("type") && !known(tx, ListNames.PARTNER_TYPE, p.type())) {
            errors.put("type", CoreMessages.get("energy.problem.unknown_code"));
        }
        for (String c : p.categories()) {
            if (!errors.containsKey("categories") && !known(tx, ListNames.CREDITOR_CATEGORY, c)) {
                errors.put("categories", CoreMessages.get("energy.problem.unknown_code"));
            }
        }
        for (int i = 0; i < p.services().size(); i++) {
            String field = "services[" + i + "].documents";
            for (String d : p.services().get(i).documents()) {
                if (!errors.containsKey(field) && !known(tx, ListNames.DOCUMENT_TYPE, d)) {
                    errors.put(field, CoreMessages.get("energy.problem.unknown_code"));
                }
            }
        }
        return errors;
    }

    private static boolean known(Tx tx, String list, String code) {
        return tx.exists("SELECT 1 FROM codes WHERE list = ? AND code = ?", list, code);
    }

    /** The text fields stripped, blanks as absent. */
    static PartnerDto clean(PartnerDto p) {
        List<PartnerServiceDto> services = new ArrayList<>();
        for (PartnerServiceDto s : p.services()) {
            services.add(new PartnerServiceDto(
                    Texts.clean(s.id()),
                    Texts.clean(s.name()),
                    Texts.clean(s.address()),
                    Texts.clean(s.postcode()),
                    Texts.clean(s.city()),
                    Texts.clean(s.phone()),
                    Texts.clean(s.email()),
                    Texts.clean(s.hours()),
                    s.documents(),
                    Texts.clean(s.note())));
        }
        return new PartnerDto(
                Texts.clean(p.id()),
                Texts.clean(p.type()),
                Texts.clean(p.name()),
                p.categories(),
                services,
                Texts.clean(p.website()),
                p.active());
    }

    /** One partner in a transaction, active or not. */
    public static Optional<PartnerDto> find(Tx tx, String id) {
        return tx.queryOne("SELECT data FROM partners WHERE id = ?", Records::partner, id);
    }

    /** The partner's name in a transaction, or the id itself. */
    public static String name(Tx tx, String id) {
        if (id == null) {
            return null;
        }
        return tx.queryOne("SELECT name FROM partners WHERE id = ?", r -> r.string("name"), id)
                .filter(n -> !n.isBlank())
                .orElse(id);
    }

    /**
     * The check of a creditor or supplier a record names, as the server makes it: a partner of the directory; an
     * active one unless it is the one the stored record already named ({@code before}). Empty when acceptable,
     * else the French message to show beside the field.
     */
    public static Optional<String> partnerProblem(Tx tx, String partnerId, String before) {
        if (partnerId == null || partnerId.isBlank()) {
            return Optional.empty();
        }
        Optional<PartnerDto> p = find(tx, partnerId);
        if (p.isEmpty()) {
            return Optional.of(CoreMessages.get("partner.unknown"));
        }
        if (!p.get().active() && !partnerId.equals(before)) {
            return Optional.of(CoreMessages.get("partner.inactive", p.get().name()));
        }
        return Optional.empty();
    }
}
