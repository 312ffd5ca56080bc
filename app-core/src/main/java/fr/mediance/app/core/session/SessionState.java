package fr.mediance.app.core.session;

/** Where the device stands. */
public enum SessionState {
    /** First start or after a wipe: show "Connexion" (server address, identifiant, mot de passe). */
    NO_ACCOUNT,
    /** Signed in online, no PIN yet: show "Choisissez un code PIN". */
    PIN_REQUIRED,
    /** An account exists on this device; the store is closed: show "Déverrouiller". */
    LOCKED,
    /** The store is open: the services can be used. */
    UNLOCKED
}
