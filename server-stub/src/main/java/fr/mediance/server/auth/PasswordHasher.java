package fr.mediance.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes (PHC string {@code $argon2id$v=19$m=19456,t=2,p=1$...}). Parameters follow the
 * OWASP minimum: 19 MiB, 2 passes, 1 lane; a check costs a few tens of milliseconds. Stored hashes carry
 * their own parameters, so raising them later keeps old hashes valid.
 */
public final class PasswordHasher {
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int HASH_BYTES = 32;
    static final int SALT_BYTES = 16;

    private final Argon2Function function = Argon2Function.getInstance(
            MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
    /** Checked when the account does not exist, so that a failed login takes the same time either way. */
    private final String dummyHash = hash("mot de passe factice pour un compte inexistant");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    public boolean verify(String password, String hash) {
        if (hash == null || !hash.startsWith("$argon2id$")) {
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /** Spends the time of a real check, for an unknown or locked account. Always false. */
    public boolean verifyDummy(String password) {
        verify(password, dummyHash);
        return false;
    }
}
