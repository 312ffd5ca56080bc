package fr.mediance.rules;

import java.util.List;
import java.util.Set;

/**
 * The categories of a budget sheet's lines (domain brief §5.6, aligned on the Banque de France form), by code. The
 * lists are closed: the computation must know which charges are energy and which income is housing aid.
 */
public final class BudgetCategories {
    private BudgetCategories() {}

    public static final List<String> INCOMES = List.of(
            "salaire",
            "are",
            "ij",
            "pension_retraite",
            "pension_invalidite",
            "aspa",
            "rsa",
            "prime_activite",
            "aah",
            "prestations_familiales",
            "apl",
            "pension_alimentaire_recue",
            "revenus_fonciers",
            "autre_revenu");

    public static final List<String> CHARGES = List.of(
            "loyer",
            "charges_locatives",
            "electricite",
            "gaz",
            "fioul_bois",
            "eau",
            "assurance_habitation",
            "assurance_auto",
            "mutuelle",
            "telephone_internet",
            "transport",
            "impots",
            "garde",
            "cantine",
            "pension_alimentaire_versee",
            "frais_bancaires",
            "alimentation",
            "autre_charge");

    public static final List<String> CREDITS = List.of("credit");

    /** The charges that count as energy for the effort rate (water is not energy). */
    public static final Set<String> ENERGY = Set.of("electricite", "gaz", "fioul_bois");

    /** Housing aid: when paid to the landlord it is not income and the rent is paid net of it. */
    public static final String HOUSING_AID = "apl";
}
