package fr.mediance.app.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The map's arithmetic (Web Mercator fit) and its tile settings, without a screen. */
class RouteMapTest {

    static final List<RouteMap.LatLon> MARSEILLE = List.of(
            new RouteMap.LatLon(43.3562, 5.3622),
            new RouteMap.LatLon(43.2450, 5.3750),
            new RouteMap.LatLon(43.3072, 5.4320));

    /** Where a point lands, in pixels from the centre, at a zoom (256-pixel tiles). */
    static double[] offset(RouteMap.LatLon p, RouteMap.Fit f) {
        double world = 256 * Math.pow(2, f.zoom());
        return new double[] {
            (RouteMap.mercatorX(p.longitude()) - RouteMap.mercatorX(f.center().longitude())) * world,
            (RouteMap.mercatorY(p.latitude()) - RouteMap.mercatorY(f.center().latitude())) * world
        };
    }

    @Test
    void the_fit_keeps_every_point_inside_the_margins_and_the_next_quarter_level_would_not() {
        RouteMap.Fit f = RouteMap.fit(MARSEILLE, 940, 730, 48);
        for (RouteMap.LatLon p : MARSEILLE) {
            double[] o = offset(p, f);
            assertThat(Math.abs(o[0])).isLessThanOrEqualTo(940 / 2.0 - 48);
            assertThat(Math.abs(o[1])).isLessThanOrEqualTo(730 / 2.0 - 48);
        }
        RouteMap.Fit closer = new RouteMap.Fit(f.zoom() + 0.25, f.center());
        boolean outside = MARSEILLE.stream().anyMatch(p -> {
            double[] o = offset(p, closer);
            return Math.abs(o[0]) > 940 / 2.0 - 48 || Math.abs(o[1]) > 730 / 2.0 - 48;
        });
        assertThat(outside).isTrue();
        assertThat(f.zoom() * 4).isEqualTo(Math.rint(f.zoom() * 4));
    }

    @Test
    void mercator_latitude_goes_back_and_forth() {
        assertThat(RouteMap.latitudeOf(RouteMap.mercatorY(43.2965))).isCloseTo(43.2965, within(1e-9));
    }

    @Test
    void one_point_is_shown_close_up_not_at_an_infinite_zoom() {
        RouteMap.Fit f = RouteMap.fit(List.of(new RouteMap.LatLon(43.3, 5.4)), 800, 600, 48);
        assertThat(f.zoom()).isEqualTo(16);
        assertThat(f.center().latitude()).isCloseTo(43.3, within(1e-9));
    }

    @Test
    void the_tile_server_is_openstreetmap_by_default_another_one_when_given_and_none_when_off() {
        MapTiles.Settings osm = MapTiles.Settings.of(null, Path.of("cache"));
        assertThat(osm.url(15, 16843, 11962)).isEqualTo("https://tile.openstreetmap.org/15/16843/11962.png");
        MapTiles.Settings own = MapTiles.Settings.of("https://tuiles.example.org/osm/{z}/{x}/{y}.png", null);
        assertThat(own.url(3, 4, 2)).isEqualTo("https://tuiles.example.org/osm/3/4/2.png");
        assertThat(MapTiles.Settings.of("off", null).urlTemplate()).isEmpty();
        assertThat(MapTiles.Settings.none().urlTemplate()).isEmpty();
    }
}
