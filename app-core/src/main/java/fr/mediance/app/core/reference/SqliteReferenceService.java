package fr.mediance.app.core.reference;

import fr.mediance.app.core.CoreMessages;
import fr.mediance.app.core.FormErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.Row;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.app.core.sync.SyncEngine;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.CodeValues;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.UsersResponse;
import fr.mediance.rules.LegalReference;
import fr.mediance.rules.LegalValues;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Code lists and the accounts cache, in the local database. */
public final class SqliteReferenceService implements ReferenceService {
    /** Codes as the server accepts them ({@link Limits#CODE_PATTERN}, at most {@link Limits#MAX_CODE}). */
    private static final Pattern CODE = Pattern.compile(Limits.CODE_PATTERN);

    private static final Set<Role> EDITORS = fr.mediance.protocol.Permissions.PUSHERS.get(EntityType.CODE);

    private final StoreHolder store;
    private final Supplier<Optional<RemoteClient>> remote;
    private final Clock clock;
    private final Outbox outbox;
    private final Supplier<AccountInfo> account;

    /** Read-only: {@link #saveEntry} fails. */
    public SqliteReferenceService(StoreHolder store, Supplier<Optional<RemoteClient>> remote, Clock clock) {
        this(store, remote, clock, null, null);
    }

    public SqliteReferenceService(
            StoreHolder store,
            Supplier<Optional<RemoteClient>> remote,
            Clock clock,
            Outbox outbox,
            Supplier<AccountInfo> account) {
        this.store = store;
        this.remote = remote;
        this.clock = clock;
        this.outbox = outbox;
        this.account = account;
    }

    @Override
    public List<CodeDto> entries(String list) {
        return store.db()
                .read(tx ->
                        tx.query("SELECT * FROM codes WHERE list = ? ORDER BY sort_order, code", Records::code, list));
    }

    @Override
    public Outcome<CodeDto> saveEntry(CodeDto entry, boolean creating) {
        if (outbox == null || account == null || !EDITORS.contains(account.get().role())) {
            return Outcome.failed(CoreMessages.get("reference.forbidden"));
        }
        return store.db().inTransaction(tx -> {
            FormErrors e = validate(entry);
            boolean exists = Records.exists(tx, EntityType.CODE, entry.id());
            if (creating && !e.has("code") && exists) {
                e.add("code", CoreMessages.get("reference.code.taken"));
            }
            String parentList = parentList(entry.list());
            String parent = Texts.clean(entry.parent());
            if (parentList != null
                    && !e.has("parent")
                    && (parent == null
                            || !tx.exists("SELECT 1 FROM codes WHERE list = ? AND code = ?", parentList, parent))) {
                e.add(
                        "parent",
                        CoreMessages.get(
                                ListNames.MOTIF.equals(entry.list())
                                        ? "reference.parent.domain"
                                        : "reference.parent.actionType"));
            }
            if (ListNames.PARTNER.equals(entry.list())
                    && !e.has("parent")
                    && parent != null
                    && !tx.exists(
                            "SELECT 1 FROM codes WHERE list = ? AND code = ?", ListNames.CREDITOR_CATEGORY, parent)) {
                // a partner's category is optional; when given it is a creditor category, as the server checks
                e.add("parent", CoreMessages.get("reference.parent.creditorCategory"));
            }
            if (!e.isEmpty()) {
                return e.toOutcome();
            }
            if (!creating && !exists) {
                return Outcome.failed(CoreMessages.get("reference.notFound"));
            }
            CodeDto clean = new CodeDto(
                    entry.list(),
                    entry.code(),
                    Texts.clean(entry.label()),
                    Texts.clean(entry.parent()),
                    entry.sortOrder(),
                    entry.active(),
                    Texts.clean(entry.value()));
            if (!creating
                    && Records.load(tx, EntityType.CODE, clean.id())
                            .filter(clean::equals)
                            .isPresent()) {
                return Outcome.ok(clean); // nothing changed: nothing to send
            }
            Records.upsert(tx, clean, null, clock.instant(), null);
            outbox.enqueue(tx, clean, CoreMessages.get("summary.code", clean.label(), clean.list()));
            return Outcome.ok(clean);
        });
    }

    /** The list an entry's parent must come from, as the server checks it: a motif's domain, a task rule's action type. */
    private static String parentList(String list) {
        if (ListNames.MOTIF.equals(list)) {
            return ListNames.DOMAIN;
        }
        return ListNames.TASK_RULE.equals(list) ? ListNames.ACTION_TYPE : null;
    }

    /** The rules of an entry; value rules depend on the list (an ISO period, a number of days). */
    static FormErrors validate(CodeDto c) {
        FormErrors e = new FormErrors();
        String code = c.code() == null ? "" : c.code();
        if (code.isBlank()) {
            e.add("code", CoreMessages.get("field.required"));
        } else if (code.length() > Limits.MAX_CODE || !CODE.matcher(code).matches()) {
            e.add("code", CoreMessages.get("reference.code.invalid", Limits.MAX_CODE));
        }
        e.required("label", c.label()).maxLength("label", c.label(), Limits.MAX_SHORT_TEXT);
        String parent = Texts.clean(c.parent());
        if (parent != null
                && (parent.length() > Limits.MAX_CODE || !CODE.matcher(parent).matches())) {
            e.add("parent", CoreMessages.get("reference.parent.invalid"));
        }
        if (c.sortOrder() < 0 || c.sortOrder() > 99_999) {
            e.add("sortOrder", CoreMessages.get("reference.order.invalid"));
        }
        String value = Texts.clean(c.value());
        switch (CodeValues.kind(c.list(), code)) {
            case PERIOD, OPTIONAL_PERIOD -> {
                if (value == null && CodeValues.kind(c.list(), code) == CodeValues.Kind.PERIOD) {
                    e.add("value", CoreMessages.get("field.required"));
                } else if (value != null && !CodeValues.isPeriod(value)) {
                    e.add("value", CoreMessages.get("reference.value.period"));
                }
            }
            case DAYS -> {
                if (value == null) {
                    e.add("value", CoreMessages.get("field.required"));
                } else if (!CodeValues.isDays(value)) {
                    e.add("value", CoreMessages.get("reference.value.days", String.valueOf(Limits.MAX_RULE_DAYS)));
                }
            }
            case TEXT -> e.maxLength("value", value, Limits.MAX_CODE_VALUE);
            case LEGAL -> CodeValues.legalProblem(c.list(), code, value).ifPresent(problem -> e.add("value", problem));
        }
        return e;
    }

    private static CodeItem item(Row r) {
        return new CodeItem(
                r.string("list"),
                r.string("code"),
                r.string("label"),
                r.string("parent"),
                r.intValue("sort_order"),
                r.bool("active"));
    }

    @Override
    public List<CodeItem> codes(String list) {
        return store.db()
                .read(tx -> tx.query(
                        "SELECT * FROM codes WHERE list = ? AND active = 1 ORDER BY sort_order, label, code",
                        SqliteReferenceService::item,
                        list));
    }

    @Override
    public List<CodeItem> creditors(String category) {
        return store.db()
                .read(tx -> category == null
                        ? tx.query(
                                "SELECT id, name FROM partners WHERE active = 1 ORDER BY name, id",
                                r -> partnerItem(r, null))
                        : tx.query(
                                "SELECT id, name FROM partners WHERE active = 1 AND instr(categories, ?) > 0 ORDER BY name, id",
                                r -> partnerItem(r, category),
                                "," + category + ","));
    }

    private static CodeItem partnerItem(Row r, String category) {
        return new CodeItem(ListNames.PARTNER, r.string("id"), r.string("name"), category, 0, true);
    }

    @Override
    public String partnerName(String partnerId) {
        return partnerId == null
                ? null
                : store.db().read(tx -> fr.mediance.app.core.partner.SqlitePartnerService.name(tx, partnerId));
    }

    @Override
    public LegalReference legal() {
        return store.db().read(SqliteReferenceService::legal);
    }

    /** The legal values of the device's store (the office's entries over the standard ones), in a transaction. */
    public static LegalReference legal(Tx tx) {
        Map<String, String> values = new HashMap<>();
        tx.query(
                "SELECT code, value FROM codes WHERE list = ? AND active = 1 AND value IS NOT NULL",
                r -> values.put(r.string("code"), r.string("value")),
                ListNames.LEGAL_VALUE);
        return LegalValues.apply(LegalReference.standard(), values);
    }

    @Override
    public Optional<CodeItem> code(String list, String code) {
        return store.db()
                .read(tx -> tx.queryOne(
                        "SELECT * FROM codes WHERE list = ? AND code = ?", SqliteReferenceService::item, list, code));
    }

    @Override
    public String label(String list, String code) {
        if (code == null) {
            return null;
        }
        return code(list, code).map(CodeItem::labelOrCode).orElse(code);
    }

    /**
     * Whether {@code code} may be used in {@code list}: it is an active entry, or the list is still empty on this
     * device (code lists not received yet: the server validates).
     */
    public static boolean acceptable(Tx tx, String list, String code) {
        if (code == null) {
            return true;
        }
        if (!tx.exists("SELECT 1 FROM codes WHERE list = ?", list)) {
            return true;
        }
        return tx.exists("SELECT 1 FROM codes WHERE list = ? AND code = ? AND active = 1", list, code);
    }

    /** The label of a code inside a transaction, or the code itself. */
    public static String label(Tx tx, String list, String code) {
        if (code == null) {
            return null;
        }
        return tx.queryOne("SELECT label FROM codes WHERE list = ? AND code = ?", r -> r.string("label"), list, code)
                .filter(l -> !l.isBlank())
                .orElse(code);
    }

    private static UserItem user(Row r) {
        return new UserItem(
                r.string("id"), r.string("username"), r.string("display_name"), Role.fromCode(r.string("role")));
    }

    @Override
    public List<UserItem> users(Role role) {
        return store.db()
                .read(tx -> role == null
                        ? tx.query(
                                "SELECT * FROM users ORDER BY coalesce(display_name, username)",
                                SqliteReferenceService::user)
                        : tx.query(
                                "SELECT * FROM users WHERE role = ? ORDER BY coalesce(display_name, username)",
                                SqliteReferenceService::user,
                                role.code()));
    }

    @Override
    public Optional<UserItem> user(String userId) {
        return store.db()
                .read(tx -> tx.queryOne("SELECT * FROM users WHERE id = ?", SqliteReferenceService::user, userId));
    }

    @Override
    public Outcome<Integer> refreshUsers() {
        Optional<RemoteClient> client = remote.get();
        if (client.isEmpty()) {
            return Outcome.failed(CoreMessages.get("store.locked"));
        }
        RemoteResult<UsersResponse> r = client.get().users(null);
        if (!(r instanceof RemoteResult.Ok<UsersResponse> ok) || ok.value() == null) {
            return Outcome.failed(r.userMessage());
        }
        SyncEngine.replaceUsers(store.db(), ok.value().users(), clock.instant());
        return Outcome.ok(ok.value().users().size());
    }
}
