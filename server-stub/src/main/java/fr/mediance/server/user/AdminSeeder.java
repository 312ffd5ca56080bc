package fr.mediance.server.user;

import fr.mediance.protocol.Role;
import fr.mediance.server.auth.PasswordHasher;
import fr.mediance.server.db.Database;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the {@code admin} account on a start where a password is given and no such account exists yet. */
public final class AdminSeeder {
    public static final String USERNAME = "admin";
    static final String DEFAULT_STRUCTURE_ID = "main-structure";
    private static final Logger LOG = LoggerFactory.getLogger(AdminSeeder.class);

    private final Database db;
    private final UserStore users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public AdminSeeder(Database db, UserStore users, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Answers whether the account was created now. */
    public boolean seed(String password) {
        if (password == null
                || password.isEmpty()
                || db.read(tx -> users.findByUsername(tx, USERNAME)).isPresent()) {
            return false;
        }
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            String structure = users.firstStructureId(tx).orElseGet(() -> {
                users.createStructure(tx, DEFAULT_STRUCTURE_ID, "Structure principale", now);
                return DEFAULT_STRUCTURE_ID;
            });
            users.createUser(tx, "admin", structure, USERNAME, "Administration", Role.ADMIN, hash, now);
            return null;
        });
        LOG.info("admin account created");
        return true;
    }
}
