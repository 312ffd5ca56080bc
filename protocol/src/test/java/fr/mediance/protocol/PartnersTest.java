package fr.mediance.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import fr.mediance.protocol.json.MedianceJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnersTest {
    private final Gson gson = MedianceJson.gson();

    static final PartnerServiceDto ACCUEIL = new PartnerServiceDto(
            "accueil",
            "Accueil de Marseille",
            "215 chemin de Gibbes",
            "13014",
            "Marseille",
            "3230",
            null,
            "Lun–ven 8h30–16h, sur rendez-vous",
            List.of("piece_identite", "attestation_caf"),
            null);

    static final PartnerDto CAF = new PartnerDto(
            "caf_13",
            "caf",
            "CAF des Bouches-du-Rhône",
            List.of("indus"),
            List.of(ACCUEIL),
            "https://www.caf.fr",
            true);

    @Test
    void aPartnerRoundTripsWithItsServices() {
        ChangeDto change = new ChangeDto(EntityType.PARTNER, CAF.id(), 3, false, CAF);
        assertThat(gson.fromJson(gson.toJson(change), ChangeDto.class)).isEqualTo(change);
        assertThat(EntityType.of(CAF)).isEqualTo(EntityType.PARTNER);
    }

    @Test
    void aWellFormedPartnerHasNoProblem() {
        assertThat(Partners.problems(CAF)).isEmpty();
    }

    @Test
    void eachBadFieldIsNamedWithItsPathInFrench() {
        PartnerServiceDto bad = new PartnerServiceDto(
                "accueil", "", null, "1300", null, "04 91 12", "jean@", null, List.of("piece_identite"), null);
        PartnerDto p = new PartnerDto("CAF 13", "caf", "CAF", List.of(), List.of(bad, ACCUEIL), "www.caf.fr", true);
        assertThat(Partners.problems(p))
                .extracting(Partners.Problem::field)
                .containsExactly(
                        "id",
                        "website",
                        "services[0].name",
                        "services[0].postcode",
                        "services[0].phone",
                        "services[0].email",
                        "services[1].id");
        assertThat(Partners.problems(p).get(4).message())
                .isEqualTo("Le téléphone s'écrit en 10 chiffres (04 91 00 00 00), en +33… ou en numéro court (3230).");
    }

    @Test
    void phonesAreTenDigitsInternationalOrShort() {
        assertThat(Partners.isPhone("04 91 55 25 25")).isTrue();
        assertThat(Partners.isPhone("04.91.55.25.25")).isTrue();
        assertThat(Partners.isPhone("+33 4 91 55 25 25")).isTrue();
        assertThat(Partners.isPhone("3646")).isTrue();
        assertThat(Partners.isPhone("49155")).isFalse();
        assertThat(Partners.isPhone("04 91 AB 25 25")).isFalse();
        assertThat(Partners.dial("04 91 55 25 25")).isEqualTo("0491552525");
    }

    @Test
    void theSearchKeyIgnoresAccentsCaseAndPunctuation() {
        assertThat(Partners.searchKey("CAF des Bouches-du-Rhône")).isEqualTo(" caf des bouches du rhone ");
        String key = Partners.searchKey(CAF, "CAF");
        assertThat(Partners.matches(key, "caf bouches du rhone")).isTrue();
        assertThat(Partners.matches(key, "BOUCHES rhône")).isTrue();
        assertThat(Partners.matches(key, "marseil")).isTrue();
        assertThat(Partners.matches(key, "toulon")).isFalse();
        assertThat(Partners.matches(key, "")).isTrue();
    }
}
