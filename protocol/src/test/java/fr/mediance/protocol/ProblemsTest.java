package fr.mediance.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void a_type_is_the_urn_prefix_and_the_code() {
        assertThat(Problems.type(Problems.NOT_FOUND)).isEqualTo("urn:mediance:problem:not_found");
    }

    @Test
    void every_status_has_a_french_title_and_an_unknown_one_a_generic_title() {
        assertThat(Problems.title(404)).isEqualTo("Introuvable");
        assertThat(Problems.title(460)).isEqualTo("Somme de contrôle incorrecte");
        assertThat(Problems.title(418)).isEqualTo("Requête refusée");
    }
}
