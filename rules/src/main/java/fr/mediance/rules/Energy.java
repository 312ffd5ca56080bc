package fr.mediance.rules;

import java.util.Arrays;

/** The energies of a household's contracts (domain brief §2.12), by their codes. */
public enum Energy {
    ELECTRICITE("electricite", true),
    GAZ("gaz", true),
    CHALEUR("chaleur", true),
    FIOUL("fioul", false),
    BOIS("bois", false),
    GPL("gpl", false);

    private final String code;
    private final boolean cutForbiddenDuringTreve;

    Energy(String code, boolean cutForbiddenDuringTreve) {
        this.code = code;
        this.cutForbiddenDuringTreve = cutForbiddenDuringTreve;
    }

    public String code() {
        return code;
    }

    /**
     * Whether the trêve forbids cutting it off in a résidence principale: electricity, gas and heating networks are
     * covered; fuel oil, wood and tank LPG are not (domain brief §3.3, §4).
     */
    public boolean cutForbiddenDuringTreve() {
        return cutForbiddenDuringTreve;
    }

    public static Energy fromCode(String code) {
        return Arrays.stream(values())
                .filter(e -> e.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new RuleException(RuleException.UNKNOWN_CODE, "energy.unknown", code));
    }
}
