package fr.mediance.protocol;

/**
 * The password policy, after CNIL délibération 2022-100 (password alone: at least 80 bits of entropy, for example
 * 12 characters of the four types). A password is accepted when it has at least {@link #MIN_LENGTH} characters
 * and the four types (lowercase, uppercase, digit, other), or when its length times log2 of the alphabet its
 * types span reaches {@link #MIN_BITS} (a long passphrase of lowercase letters: 17 characters). The server
 * checks it on every new password; the app checks it before sending.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1024;
    public static final double MIN_BITS = 80.0;

    private Passwords() {}

    /** The French reason a new password is refused, or null if it is accepted. */
    public static String problem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return "Choisissez un mot de passe.";
        }
        if (password.length() > MAX_LENGTH) {
            return "Le mot de passe est trop long (" + MAX_LENGTH + " caractères au plus).";
        }
        if (!Limits.isWellFormed(password)) {
            // a lone surrogate becomes « ? » once encoded: two different passwords would hash alike
            return "Le mot de passe contient un caractère invalide.";
        }
        if (username != null
                && !username.isBlank()
                && password.toLowerCase(java.util.Locale.ROOT)
                        .contains(username.trim().toLowerCase(java.util.Locale.ROOT))) {
            return "Le mot de passe ne doit pas contenir l'identifiant.";
        }
        if (password.codePoints().distinct().count() < 5) {
            return "Le mot de passe répète trop les mêmes caractères.";
        }
        int types = types(password);
        int length = password.codePointCount(0, password.length());
        if ((length >= MIN_LENGTH && types == 4) || bits(password) >= MIN_BITS) {
            return null;
        }
        return "Mot de passe trop faible : au moins " + MIN_LENGTH + " caractères avec minuscules, majuscules, "
                + "chiffres et caractères spéciaux, ou une phrase de passe plus longue (par exemple 17 lettres "
                + "minuscules, 16 caractères avec minuscules, majuscules et chiffres).";
    }

    /** Length times log2 of the alphabet spanned by the password's character types. */
    public static double bits(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int cp : password.codePoints().toArray()) {
            if (cp >= 'a' && cp <= 'z') {
                lower = true;
            } else if (cp >= 'A' && cp <= 'Z') {
                upper = true;
            } else if (cp >= '0' && cp <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        int alphabet = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
        int length = password.codePointCount(0, password.length());
        return alphabet == 0 ? 0 : length * (Math.log(alphabet) / Math.log(2));
    }

    private static int types(String password) {
        int lower = 0;
        int upper = 0;
        int digit = 0;
        int other = 0;
        for (int cp : password.codePoints().toArray()) {
            if (cp >= 'a' && cp <= 'z') {
                lower = 1;
            } else if (cp >= 'A' && cp <= 'Z') {
                upper = 1;
            } else if (cp >= '0' && cp <= '9') {
                digit = 1;
            } else {
                other = 1;
            }
        }
        return lower + upper + digit + other;
    }
}
