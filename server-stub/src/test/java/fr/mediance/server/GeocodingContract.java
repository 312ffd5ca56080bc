package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.server.db.Database;
import fr.mediance.server.geo.BanImport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Residents placed on the map from the national address base imported at the office: a counsellor's new file is
 * placed at its door, an approximate place is said so, a pin placed by hand is kept until the address changes, an
 * address nobody knows stays unplaced and is tried again after the next import. On SQLite and PostgreSQL.
 */
abstract class GeocodingContract extends SyncScenario {
    static final String HEADER = "id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;"
            + "code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;"
            + "libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles";

    /** A few addresses of Marseille's 3rd and 2nd arrondissements, in the base's own format. */
    static final String EXTRACT = HEADER + "\n"
            + line("12", "", "Boulevard National", "13003", "13203", 5.379100, 43.311000)
            + line("12", "bis", "Boulevard National", "13003", "13203", 5.379150, 43.311040)
            + line("14", "", "Boulevard National", "13003", "13203", 5.379300, 43.311100)
            + line("40", "", "Boulevard National", "13003", "13203", 5.381000, 43.312000)
            + line("1", "", "Rue de la République", "13002", "13202", 5.369000, 43.299000)
            + line("3", "", "Rue de la République", "13002", "13202", 5.369100, 43.299300)
            + line("7", "", "Traverse du Moulin", "13003", "13203", 5.382000, 43.315000)
            + "13203_x;;;;;13003;13203;Marseille;;;;;;;;;;;;;;;\n"; // no coordinates: skipped

    static String line(
            String number, String rep, String street, String postcode, String insee, double lon, double lat) {
        return insee + "_0000_" + number + ";" + insee + "_0000;" + number + ";" + rep + ";" + street + ";" + postcode
                + ";" + insee + ";Marseille;;;0;0;" + lon + ";" + lat + ";entrée;;;MARSEILLE;" + street.toUpperCase()
                + ";commune;commune;1;\n";
    }

    BanImport.Report importBan(String csv) {
        return importBan(server, csv);
    }

    /** Imports an extract of the address base into the server's database, as the office's command does. */
    static BanImport.Report importBan(TestServer server, String csv) {
        try {
            return new BanImport(Database.open(server.db.dataSource()))
                    .importFrom(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 0L);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCounsellorsNewResidentIsPlacedAtTheirDoorFromTheImportedBase() {
        BanImport.Report report = importBan(EXTRACT);
        assertThat(report.addresses()).isEqualTo(7);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.departments()).containsExactly("13");

        String id = newId();
        assertThat(pushOne(conseil1, op(livingAt(id, "12 bis, bd National", "13003")))
                        .status())
                .isEqualTo(OpStatus.APPLIED);
        assertThat(placeOf(id)).as("not placed within the push").isNull();
        assertThat(server.app.placeWaitingResidents()).isEqualTo(1);

        assertThat(placeOf(id)).isEqualTo(new GeoPointDto(43.31104, 5.37915, "ban", "housenumber"));
        assertThat(server.count("SELECT COUNT(*) FROM geocode_queue")).isZero();
        assertThat(server.app.placeWaitingResidents()).as("nothing left to do").isZero();
    }

    @Test
    void aNumberOrAStreetTheBaseHasOnlyNearbyGivesAPlaceMarkedApproximate() {
        importBan(EXTRACT);
        String nearNumber = newId();
        String noNumber = newId();
        String noKind = newId();
        pushOne(conseil1, op(livingAt(nearNumber, "38 boulevard National", "13003")));
        pushOne(conseil1, op(livingAt(noNumber, "Traverse du Moulin", "13003")));
        pushOne(conseil1, op(livingAt(noKind, "2 République", "13002")));
        assertThat(server.app.placeWaitingResidents()).isEqualTo(3);

        assertThat(placeOf(nearNumber)).isEqualTo(new GeoPointDto(43.312, 5.381, "ban", "street"));
        assertThat(placeOf(nearNumber).approximate()).isTrue();
        assertThat(placeOf(noNumber)).isEqualTo(new GeoPointDto(43.315, 5.382, "ban", "street"));
        // number 2 is between 1 and 3: the lower one, approximate
        assertThat(placeOf(noKind)).isEqualTo(new GeoPointDto(43.299, 5.369, "ban", "street"));
    }

    @Test
    void aPinPlacedByHandIsKeptUntilTheAddressChanges() {
        importBan(EXTRACT);
        String id = newId();
        GeoPointDto pin = GeoPointDto.manual(43.3105, 5.3788);
        ResidentDto placed = livingAt(id, "12 boulevard National", "13003").withLocation(pin);
        pushOne(conseil1, op(placed));
        assertThat(server.count("SELECT COUNT(*) FROM geocode_queue"))
                .as("a pin needs no search")
                .isZero();

        ResidentDto phoned = with(placed, "phone", "06 11 22 33 44");
        assertThat(pushOne(
                                conseil1,
                                new fr.mediance.protocol.OperationDto(
                                        newId(), EntityType.RESIDENT, id, 1L, false, phoned))
                        .status())
                .isIn(OpStatus.APPLIED, OpStatus.MERGED);
        server.app.placeWaitingResidents();
        assertThat(placeOf(id)).isEqualTo(pin);

        // she moved: the pin of the old home means nothing any more
        long version = pullAll(conseil1, null).find(EntityType.RESIDENT, id).version();
        ResidentDto moved = with(phoned, "street", "3 rue de la République");
        moved = with(moved, "postcode", "13002");
        pushOne(
                conseil1,
                new fr.mediance.protocol.OperationDto(newId(), EntityType.RESIDENT, id, version, false, moved));
        assertThat(server.app.placeWaitingResidents()).isEqualTo(1);
        assertThat(placeOf(id)).isEqualTo(new GeoPointDto(43.2993, 5.3691, "ban", "housenumber"));

        // moved with a pin placed at the door in the same change: the pin wins
        version = pullAll(conseil1, null).find(EntityType.RESIDENT, id).version();
        GeoPointDto door = GeoPointDto.manual(43.2999, 5.3699);
        ResidentDto again = with(with(moved, "street", "1 rue de la République"), "location", door);
        pushOne(
                conseil1,
                new fr.mediance.protocol.OperationDto(newId(), EntityType.RESIDENT, id, version, false, again));
        assertThat(server.app.placeWaitingResidents()).isZero();
        assertThat(placeOf(id)).isEqualTo(door);
    }

    @Test
    void anAddressNobodyKnowsStaysUnplacedAndIsTriedAgainAfterTheNextImport() {
        String id = newId();
        pushOne(conseil1, op(livingAt(id, "7 traverse du Moulin", "13003")));
        assertThat(server.app.placeWaitingResidents())
                .as("no base imported yet")
                .isZero();
        assertThat(placeOf(id)).isNull();
        assertThat(server.sql("SELECT outcome FROM geocode_queue WHERE resident_id = ?", id))
                .isEqualTo("not_found");

        BanImport.Report report = importBan(EXTRACT);
        assertThat(report.residentsQueued()).isEqualTo(1);
        assertThat(server.app.placeWaitingResidents()).isEqualTo(1);
        assertThat(placeOf(id)).isEqualTo(new GeoPointDto(43.315, 5.382, "ban", "housenumber"));
    }

    @Test
    void aNewImportReplacesItsDepartmentAndABrokenFileChangesNothing() throws IOException {
        importBan(EXTRACT);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write((HEADER + "\n" + line("12", "", "Boulevard National", "13003", "13203", 5.4, 43.4))
                    .getBytes(StandardCharsets.UTF_8));
        }
        BanImport.Report report = new BanImport(Database.open(server.db.dataSource()))
                .importFrom(new ByteArrayInputStream(gz.toByteArray()), 0L);
        assertThat(report.addresses()).isEqualTo(1);
        assertThat(server.count("SELECT COUNT(*) FROM ban_addresses")).isEqualTo(1);

        assertThatThrownBy(() -> importBan("numero;voie\n1;rue"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("pas un extrait de la Base Adresse Nationale")
                .hasMessageContaining("code_postal");
        assertThatThrownBy(() -> importBan(HEADER + "\n;;;;;;;;;;;;;\n"))
                .isInstanceOf(DomainException.class)
                .hasMessage("Aucune adresse utilisable dans ce fichier : rien n'a été importé.");
        assertThat(server.count("SELECT COUNT(*) FROM ban_addresses")).isEqualTo(1);
    }

    @Test
    void aPinOutsideTheGlobeOrFromNowhereIsRefusedWithAFrenchMessage() {
        String id = newId();
        var refused = pushOne(
                conseil1,
                op(livingAt(id, "12 boulevard National", "13003")
                        .withLocation(new GeoPointDto(143.3, 5.38, "manual", "housenumber"))));
        assertThat(refused.status()).isEqualTo(OpStatus.REJECTED);
        assertThat(refused.message()).isEqualTo("La latitude du repère doit être comprise entre -90 et 90 degrés.");
        assertThat(server.count("SELECT COUNT(*) FROM residents WHERE id = ?", id))
                .isZero();
    }
}
