package fr.mediance.app.core.visit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.Limits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contact of a visit: place, duration, persons present, domains and their motifs, synthesis. */
class ContactViewModelTest extends VisitTestBed.ReportTest {

    ContactViewModel contact;

    @BeforeEach
    void openPart() {
        contact = vm.contact();
    }

    @Test
    void an_over_long_synthesis_is_reported_as_it_is_typed() {
        contact.synthesisProperty().set("x".repeat(Limits.MAX_LONG_TEXT + 1));
        assertThat(contact.errorProperty("synthesis").get()).startsWith("Texte trop long : 20");
    }

    @Test
    void half_a_surrogate_pair_is_refused_as_the_server_would_and_blocks_the_end() {
        bed.fillValidAttested();
        contact.synthesisProperty().set("Facture EDF \uD83D impayée");
        assertThat(contact.errorProperty("synthesis").get())
                .isEqualTo("Ce texte contient un caractère invalide : retapez-le.");
        assertThat(vm.complete().join()).isFalse();
        contact.synthesisProperty().set("Facture EDF \uD83D\uDE42 impayée");
        assertThat(contact.errorProperty("synthesis").get()).isEmpty();
        assertThat(vm.complete().join()).isTrue();
    }

    @Test
    void over_long_text_is_reported_and_blocks_the_end_of_the_visit() {
        bed.fillValidAttested();
        contact.placeProperty().set("x".repeat(201));
        assertThat(contact.errorProperty("place").get()).startsWith("Texte trop long");
        assertThat(vm.complete().join()).isFalse();
        contact.placeProperty().set("Domicile");
        assertThat(vm.complete().join()).isTrue();
    }

    @Test
    void a_duration_that_cannot_be_read_is_reported_blocks_the_end_and_the_rest_is_saved() {
        bed.fillValidAttested();
        contact.durationProperty().set("une heure");
        assertThat(contact.errorProperty("duration").get()).startsWith("Indiquez une durée");
        assertThat(vm.complete().join()).isFalse();
        assertThat(saved().synthesis()).startsWith("Facture EDF");
        assertThat(saved().completed()).isFalse();

        contact.durationProperty().set("45");
        assertThat(saved().durationMinutes()).isEqualTo(45);
    }

    @Test
    void a_duration_beyond_a_day_is_refused_beside_the_field() {
        contact.durationProperty().set(String.valueOf(Limits.MAX_CONTACT_MINUTES + 1));
        assertThat(contact.errorProperty("duration").get())
                .isEqualTo("Indiquez une durée en minutes, entre 1 et 1440.");
        contact.durationProperty().set(String.valueOf(Limits.MAX_CONTACT_MINUTES));
        assertThat(contact.errorProperty("duration").get()).isEmpty();
        assertThat(saved().durationMinutes()).isEqualTo(Limits.MAX_CONTACT_MINUTES);
    }

    @Test
    void motifs_are_those_of_the_chosen_domains() {
        assertThat(contact.motifOptions()).isEmpty();
        contact.setDomainSelected("energie", true);
        assertThat(contact.motifOptions()).extracting(c -> c.code()).containsExactly("impaye_elec");
        contact.setMotifSelected("impaye_elec", true);
        contact.setPersonPresent("conjoint", true);
        assertThat(saved().motifs()).containsExactly("impaye_elec");
        assertThat(saved().personsPresent()).containsExactly("conjoint");
        contact.setDomainSelected("energie", false);
        assertThat(contact.motifOptions()).isEmpty();
        assertThat(saved().motifs()).isEmpty();
    }
}
