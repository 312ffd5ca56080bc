package fr.mediance.server.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import fr.mediance.protocol.GeoPointDto;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressKeyTest {
    @Test
    void aStreetTypedOnATabletAndTheBasesNameGiveTheSameKey() {
        String base = AddressKey.street("Boulevard National");
        assertThat(AddressKey.street("bd national")).isEqualTo(base);
        assertThat(AddressKey.street("Bd. NATIONAL")).isEqualTo(base);
        assertThat(AddressKey.street("Chemin de Saint-Louis au Rove"))
                .isEqualTo(AddressKey.street("ch. St Louis au Rove"))
                .isEqualTo("chemin saint louis rove");
        assertThat(AddressKey.street("Rue de la République")).isEqualTo(AddressKey.street("r. de la Republique"));
        assertThat(AddressKey.street("Traverse de l'Œuvre")).isEqualTo("traverse oeuvre");
        assertThat(AddressKey.street("  ")).isEmpty();
    }

    @Test
    void theHouseNumberAndItsSuffixAreTakenOffTheFront() {
        assertThat(AddressKey.parse("12 bis, bd National"))
                .isEqualTo(new AddressKey.Parsed(12, "bis", "boulevard national"));
        assertThat(AddressKey.parse("12B rue de la République"))
                .isEqualTo(new AddressKey.Parsed(12, "b", "rue republique"));
        assertThat(AddressKey.parse("12 b rue de la République"))
                .isEqualTo(new AddressKey.Parsed(12, "b", "rue republique"));
        // « r » after a number is the street's kind, not a suffix
        assertThat(AddressKey.parse("12 r de la République"))
                .isEqualTo(new AddressKey.Parsed(12, "", "rue republique"));
        assertThat(AddressKey.parse("3 ter avenue de la Capelette"))
                .isEqualTo(new AddressKey.Parsed(3, "ter", "avenue capelette"));
        assertThat(AddressKey.parse("Résidence les Lauriers"))
                .isEqualTo(new AddressKey.Parsed(null, "", "residence lauriers"));
        // a street named after a date keeps its number
        assertThat(AddressKey.parse("Boulevard du 14 Juillet"))
                .isEqualTo(new AddressKey.Parsed(null, "", "boulevard 14 juillet"));
        assertThat(AddressKey.parse("8")).isEqualTo(new AddressKey.Parsed(null, "", "8"));
    }

    @Test
    void aStreetWithoutItsKindOrWithALetterWrongIsRecognisedWhenOnlyOneComesClose() {
        List<String> streets = List.of("rue republique", "boulevard national", "avenue capelette", "rue paix");
        assertThat(BanGeocoder.closest("republique", streets)).contains("rue republique");
        assertThat(BanGeocoder.closest("boulevard nationl", streets)).contains("boulevard national");
        assertThat(BanGeocoder.closest("avenue capelete", streets)).contains("avenue capelette");
        assertThat(BanGeocoder.closest("boulevard baille", streets)).isEmpty();
        // two streets hold the typed word: ambiguous, nothing is guessed
        assertThat(BanGeocoder.closest("paix", List.of("rue paix", "impasse paix")))
                .isEmpty();
        assertThat(AddressKey.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void theOnlineServicesAnswerIsReadWithItsPrecisionAndAPoorMatchIsNotTaken() {
        String answer = """
                {"type":"FeatureCollection","features":[{"type":"Feature",
                 "geometry":{"type":"Point","coordinates":[5.379,43.311]},
                 "properties":{"label":"12 Boulevard National 13003 Marseille","score":0.93,"type":"housenumber"}}]}
                """;
        assertThat(OnlineGeocoder.read(JsonParser.parseString(answer)))
                .isEqualTo(new Geocoder.Found(new GeoPointDto(43.311, 5.379, "geocoder", "housenumber")));
        String street = answer.replace("\"housenumber\"", "\"street\"");
        assertThat(((Geocoder.Found) OnlineGeocoder.read(JsonParser.parseString(street)))
                        .point()
                        .precision())
                .isEqualTo(GeoPointDto.PRECISION_STREET);
        String poor = answer.replace("0.93", "0.41");
        assertThat(OnlineGeocoder.read(JsonParser.parseString(poor))).isInstanceOf(Geocoder.NotFound.class);
        assertThat(OnlineGeocoder.read(JsonParser.parseString("{\"features\":[]}")))
                .isInstanceOf(Geocoder.NotFound.class);
    }
}
