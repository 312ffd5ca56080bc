package fr.mediance.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.protocol.json.WireFormatException;
import org.junit.jupiter.api.Test;

class GeoPointTest {
    @Test
    void aPointOnTheMapIsCheckedTheSameWayOnBothSides() {
        assertThat(GeoPointDto.problem(null)).isNull();
        assertThat(GeoPointDto.problem(GeoPointDto.manual(43.2965, 5.3698))).isNull();
        assertThat(GeoPointDto.problem(new GeoPointDto(91, 5, "ban", "street"))).contains("latitude");
        assertThat(GeoPointDto.problem(new GeoPointDto(43, -180.5, "ban", "street")))
                .contains("longitude");
        assertThat(GeoPointDto.problem(new GeoPointDto(Double.NaN, 5, "ban", "street")))
                .contains("latitude");
        assertThat(GeoPointDto.problem(new GeoPointDto(43, 5, "gps", "street"))).contains("origine");
        assertThat(GeoPointDto.problem(new GeoPointDto(43, 5, "ban", "door"))).contains("précision");
    }

    @Test
    void onlyThePinsOfADoorAreExact() {
        assertThat(GeoPointDto.manual(43.3, 5.4).approximate()).isFalse();
        assertThat(new GeoPointDto(43.3, 5.4, "ban", GeoPointDto.PRECISION_STREET).approximate())
                .isTrue();
        assertThat(new GeoPointDto(43.3, 5.4, "geocoder", GeoPointDto.PRECISION_TOWN).approximate())
                .isTrue();
    }

    @Test
    void aCoordinateThatIsNotANumberIsAWireErrorNamingTheField() {
        String json = "{\"latitude\":\"nord\",\"longitude\":5.4,\"source\":\"manual\",\"precision\":\"housenumber\"}";
        assertThatThrownBy(() -> MedianceJson.gson().fromJson(json, GeoPointDto.class))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("latitude");
        String missing = "{\"latitude\":43.3,\"source\":\"manual\",\"precision\":\"housenumber\"}";
        assertThatThrownBy(() -> MedianceJson.gson().fromJson(missing, GeoPointDto.class))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("longitude");
    }

    @Test
    void coordinatesKeepEveryDecimalThroughTheWire() {
        GeoPointDto p = new GeoPointDto(43.296482, 5.36978, "ban", "housenumber");
        String json = MedianceJson.gson().toJson(p);
        assertThat(MedianceJson.gson().fromJson(json, GeoPointDto.class)).isEqualTo(p);
    }
}
