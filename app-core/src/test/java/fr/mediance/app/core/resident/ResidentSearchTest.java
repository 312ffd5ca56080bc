package fr.mediance.app.core.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResidentSearchTest extends CounsellorStoreTest {

    List<String> ids(String q) {
        return core.residents().search(q, 50).stream().map(Resident::id).toList();
    }

    @Test
    void namesMatchWithoutAccentsOrCaseAndAsPrefixes() {
        assertThat(ids("benali")).containsExactly("r1");
        assertThat(ids("BÉNALI fat")).containsExactly("r1");
        assertThat(ids("eloise")).containsExactly("r2");
        assertThat(ids("ben")).containsExactlyInAnyOrder("r1", "r4");
        assertThat(ids("thi lan")).containsExactly("r3");
    }

    @Test
    void aBirthNameIsFound() {
        core.residentFiles()
                .saveFields("r3", null, java.util.Map.of("birthName", "Trần"))
                .value();
        assertThat(ids("tran")).containsExactly("r3");
    }

    @Test
    void phoneNumbersMatchWhateverTheSpacing() {
        assertThat(ids("0612345678")).containsExactly("r1");
        assertThat(ids("06 12 34 56 78")).containsExactly("r1");
        assertThat(ids("06.12.34")).containsExactly("r1");
        assertThat(ids("0612 3456")).containsExactly("r1");
        assertThat(ids("0491")).containsExactly("r2");
    }

    @Test
    void aPhoneTypedInTheInternationalSpellingFindsTheNationalOneAndTheOtherWayRound() {
        core.residentFiles()
                .saveFields("r3", null, java.util.Map.of("phone", "+33 7 11 22 33 44"))
                .value();
        assertThat(ids("+33 6 12 34")).containsExactly("r1");
        assertThat(ids("07 11 22")).containsExactly("r3");
        assertThat(ids("+33 7 11")).containsExactly("r3");
    }

    @Test
    void phonesInGroupsAndFileNumbersAreNotSearchedWithOneOrTwoCharacterPrefixes() {
        // "07"* or "d"* stand for thousands of words on a structure's store: the slow end of the search
        assertThat(SqliteResidentService.ftsQuery("07.36.83"))
                .isEqualTo("phone_digits : (\"073683\"* OR \"3373683\"*)");
        assertThat(SqliteResidentService.ftsQuery("+33 6 50")).isEqualTo("phone_digits : (\"33650\"* OR \"0650\"*)");
        assertThat(SqliteResidentService.ftsQuery("D-2019-07637")).isEqualTo("\"D 2019 07637\"*");
        assertThat(SqliteResidentService.ftsQuery("Gira Ma")).isEqualTo("\"Gira\"* AND \"Ma\"*");
        assertThat(SqliteResidentService.ftsQuery("rue 12")).isEqualTo("\"rue\"* AND \"12\"*");
        assertThat(SqliteResidentService.ftsQuery("rue d'Aubagne")).isEqualTo("\"rue\"* AND \"d\" AND \"Aubagne\"*");
        assertThat(SqliteResidentService.ftsQuery("Robe De")).isEqualTo("\"Robe\"* AND \"De\"*");
    }

    @Test
    void fileNumbersAndAddressesMatch() {
        assertThat(ids("D-002")).containsExactly("r2");
        assertThat(ids("d 104")).containsExactly("r4");
        assertThat(ids("rue des lilas")).containsExactly("r1");
        assertThat(ids("7 traverse des pi")).containsExactly("r4");
        assertThat(ids("13003")).containsExactly("r3");
        assertThat(ids("marseille")).hasSize(4);
    }

    @Test
    void nameMatchesComeBeforeAddressMatches() {
        core.residentFiles()
                .saveFields("r3", null, java.util.Map.of("street", "2 rue Martin"))
                .value();
        assertThat(ids("martin")).containsExactly("r2", "r3");
    }

    @Test
    void aWordEveryAddressSharesStillGivesTheNamesFirstAndNoMoreThanTheLimit() {
        List<String> two =
                core.residents().search("mar", 2).stream().map(Resident::id).toList();
        assertThat(two).hasSize(2).startsWith("r2");
        assertThat(core.residents().search("marseille", 3)).hasSize(3);
    }

    @Test
    void ftsSyntaxTypedByTheUserIsOnlyText() {
        for (String hostile : List.of(
                "\"",
                "\"benali",
                "ben*",
                "-benali",
                "benali OR martin",
                "NOT martin",
                "benali AND",
                "(benali",
                "bénali)",
                "NEAR(benali martin)",
                "last_name:benali",
                "^benali",
                "'; DROP " + "TABLE residents; --",
                "*",
                "{last_name}: x")) {
            assertThat(core.residents().search(hostile, 50)).as(hostile).isNotNull();
        }
        assertThat(ids("benali OR martin")).isEmpty();
        assertThat(ids("-benali")).containsExactly("r1");
        assertThat(ids("ben*")).containsExactlyInAnyOrder("r1", "r4");
        assertThat(ids("zzz")).isEmpty();
        assertThat(core.residents().search("", 2)).hasSize(2);
    }
}
