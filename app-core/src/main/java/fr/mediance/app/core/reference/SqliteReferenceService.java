package fr.mediance.app.core.reference;

import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.app.core.store.Row;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.store.Tx;
import fr.mediance.app.core.sync.SyncEngine;
import fr.mediance.app.core.CoreMessages;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.UsersResponse;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Code lists and the accounts cache, in the local database. */
public final class SqliteReferenceService implements ReferenceService {
    private final StoreHolder store;
    private final Supplier<Optional<RemoteClient>> remote;
    private final Clock clock;

    public SqliteReferenceService(StoreHolder store, Supplier<Optional<RemoteClient>> remote, Clock clock) {
        this.store = store;
        this.remote = remote;
        this.clock = clock;
    }

    private static CodeItem item(Row r) {
        return new CodeItem(r.string("list"), r.string("code"), r.string("label"), r.string("parent"),
                r.intValue("sort_order"), r.bool("active"));
    }

    @Override
    public List<CodeItem> codes(String list) {
        return store.db().read(tx -> tx.query(
                "SELECT * FROM codes WHERE list = ? AND active = 1 ORDER BY sort_order, label, code",
                SqliteReferenceService::item, list));
    }

    @Override
    public Optional<CodeItem> code(String list, String code) {
        return store.db().read(tx -> tx.queryOne("SELECT * FROM codes WHERE list = ? AND code = ?",
                SqliteReferenceService::item, list, code));
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
                .filter(l -> !l.isBlank()).orElse(code);
    }

    private static UserItem user(Row r) {
        return new UserItem(r.string("id"), r.string("username"), r.string("display_name"),
                Role.fromCode(r.string("role")));
    }

    @Override
    public List<UserItem> users(Role role) {
        return store.db().read(tx -> role == null
                ? tx.query("SELECT * FROM users ORDER BY coalesce(display_name, username)", SqliteReferenceService::user)
                : tx.query("SELECT * FROM users WHERE role = ? ORDER BY coalesce(display_name, username)",
                SqliteReferenceService::user, role.code()));
    }

    @Override
    public Optional<UserItem> user(String userId) {
        return store.db().read(tx -> tx.queryOne("SELECT * FROM users WHERE id = ?", SqliteReferenceService::user, userId));
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
