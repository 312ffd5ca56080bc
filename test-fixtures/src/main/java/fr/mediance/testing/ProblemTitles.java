package fr.mediance.testing;

/**
 * How the office server names its errors in {@code application/problem+json}: the {@code type} URN prefix
 * (followed by the stable code) and the French title of each status. The fake writes them;
 * {@link OfficeContract} checks the real server and the fake against them.
 */
final class ProblemTitles {
    static final String TYPE_PREFIX = "urn:mediance:problem:";

    private ProblemTitles() {
    }

    /** The French title of a status. */
    static String of(int status) {
        return switch (status) {
            case 400 -> "Requête invalide";
            case 401 -> "Authentification requise";
            case 403 -> "Accès refusé";
            case 404 -> "Introuvable";
            case 405 -> "Méthode non autorisée";
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
            default -> "Requête refusée";
        };
    }
}
