package fr.mediance.protocol;

/**
 * How the office server names its errors in {@code application/problem+json} ({@link ProblemDto}): the
 * {@code type} is {@link #TYPE_PREFIX} followed by the stable code, and the {@code title} is the French title of
 * the status. Part of the wire contract: the server writes them, the fake office server writes the same, and the
 * office contract checks both against them.
 */
public final class Problems {
    /** Prefix of a problem's {@code type}, followed by its code. */
    public static final String TYPE_PREFIX = "urn:mediance:problem:";

    /** Codes of the failures the HTTP layer itself answers (each feature names its own codes besides). */
    public static final String BAD_REQUEST = "bad_request";

    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not_found";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String BODY_TOO_LARGE = "body_too_large";
    public static final String INTERNAL_ERROR = "internal_error";

    private Problems() {}

    /** The {@code type} of a problem with this code: {@code urn:mediance:problem:<code>}. */
    public static String type(String code) {
        return TYPE_PREFIX + code;
    }

    /** The French title of a status ("Introuvable" for 404); "Requête refusée" for a status without its own. */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Requête invalide";
            case 401 -> "Authentification requise";
            case 403 -> "Accès refusé";
            case 404 -> "Introuvable";
            case 405 -> "Méthode non autorisée";
            case 408 -> "Délai dépassé";
            case 409 -> "Conflit avec l'état du serveur";
            case 410 -> "Expiré";
            case 412 -> "Version de protocole non prise en charge";
            case 413 -> "Requête trop volumineuse";
            case 415 -> "Type de contenu non pris en charge";
            case 422 -> "Contenu refusé";
            case 423 -> "Ressource occupée";
            case 429 -> "Trop de tentatives";
            case 460 -> "Somme de contrôle incorrecte";
            case 500 -> "Erreur interne du serveur";
            case 503 -> "Service momentanément indisponible";
            default -> "Requête refusée";
        };
    }
}
