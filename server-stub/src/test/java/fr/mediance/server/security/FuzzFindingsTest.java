package fr.mediance.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.server.TestServer;
import fr.mediance.server.demo.DemoSeeder;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * Regression tests of what fuzzing the trust and operations routes found ({@link TrustRoutesFuzzTest},
 * {@link OperationsRoutesFuzzTest}), each through real HTTP.
 */
class FuzzFindingsTest extends fr.mediance.server.DemoServerCase {
    static final String R1 = DemoSeeder.residentId(1);

    // --- the journal's period: a date ISO allows but no instant holds was a 500

    @Test
    void theJournalRefusesADayFarOffWithA400AndLogsNothing() {
        String admin = server.token("admin");
        long events = server.app.auditEventCount();
        for (String query : new String[] {
            "to=%2B999999999-12-31", "from=-999999999-01-01", "from=%2B10000-01-01", "from=1999-12-31", "to=2101-01-01"
        }) {
            TestServer.Response r = server.get(ApiPaths.AUDIT + "?" + query, admin);
            assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(400);
            assertThat(r.problem().code()).isEqualTo("invalid_period");
            assertThat(r.problem().detail()).contains("AAAA-MM-JJ");
        }
        assertThat(server.app.auditEventCount()).isEqualTo(events);
        assertThat(server.get(ApiPaths.AUDIT + "?from=2026-11-01&to=2026-11-30", admin)
                        .status())
                .isEqualTo(200);
    }

    // --- an account's display name kept control characters, and lost a lone surrogate (stored as « ? »)

    @Test
    void anAccountNameWithAControlCharacterOrALoneSurrogateIsRefused() {
        String admin = server.token("admin");
        long accounts = server.count("SELECT COUNT(*) FROM users");
        for (String name : new String[] {"Nadia\\u0000", "Nadia \\u001b[31m", "Nadia \\ud800", "\\udc00Nadia"}) {
            TestServer.Response created = server.postJson(
                    ApiPaths.ACCOUNTS,
                    admin,
                    "{\"username\":\"nouvelle\",\"displayName\":\"" + name + "\",\"role\":\"counsellor\"}");
            assertThat(created.status()).as(name + ": " + created.body()).isEqualTo(400);
            assertThat(created.problem().code()).isEqualTo("invalid_display_name");
            TestServer.Response updated = server.send(server.request(
                            ApiPaths.fill(ApiPaths.ACCOUNT, ApiPaths.PARAM_ACCOUNT_ID, DemoSeeder.CONSEIL1), admin)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"" + name + "\"}")));
            assertThat(updated.status()).as(name + ": " + updated.body()).isEqualTo(400);
        }
        assertThat(server.count("SELECT COUNT(*) FROM users")).isEqualTo(accounts);
        assertThat(server.sql("SELECT display_name FROM users WHERE id = ?", DemoSeeder.CONSEIL1))
                .isEqualTo("Nadia Haddad");
        TestServer.Response ok = server.postJson(
                ApiPaths.ACCOUNTS,
                admin,
                "{\"username\":\"nouvelle\",\"displayName\":\"Inès Martin-Léger\",\"role\":\"counsellor\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    }

    // --- a rights request kept any id the office gave (5,000 characters, a slash, a NUL) and lost lone surrogates

    @Test
    void aRightsRequestTakesAnIdentifierAndTextsThatKeepEveryCharacter() {
        String office = server.token("bureau");
        String[] refused = {
            "\"id\":\"" + "i".repeat(5000) + "\",",
            "\"id\":\"a/b\",",
            "\"id\":\"a\\u0000b\",",
            "\"answer\":\"Envoyé \\ud83d\",\"status\":\"answered\",\"answeredOn\":\"2026-11-20\",",
            "\"extended\":true,\"extensionReason\":\"Complexe\\u0007\","
        };
        for (String fields : refused) {
            TestServer.Response r = server.postJson(
                    ApiPaths.GDPR_REQUESTS,
                    office,
                    "{" + fields + "\"residentId\":\"" + R1 + "\",\"kind\":\"access\",\"receivedOn\":\"2026-11-01\"}");
            assertThat(r.status()).as(fields + ": " + r.body()).isEqualTo(400);
            assertThat(r.problem().code()).isEqualTo("invalid_request");
        }
        assertThat(server.count("SELECT COUNT(*) FROM rights_requests")).isZero();
        TestServer.Response ok = server.postJson(
                ApiPaths.GDPR_REQUESTS,
                office,
                "{\"id\":\"demande-2026-1\",\"residentId\":\"" + R1 + "\",\"kind\":\"access\","
                        + "\"receivedOn\":\"2026-11-01\",\"status\":\"answered\",\"answeredOn\":\"2026-11-20\","
                        + "\"answer\":\"Envoyé par courrier 😀\\nle 20.\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(server.sql("SELECT answer FROM rights_requests WHERE id = 'demande-2026-1'"))
                .isEqualTo("Envoyé par courrier 😀\nle 20.");
    }

    // --- the PDF export's title printed « null » for a resident without a first name, its file name was
    // --- « export-.pdf » for a blank file number

    @Test
    void anExportLeavesOutAnEmptyFirstNameOrFileNumber() throws java.io.IOException {
        String push = "{\"deviceId\":\"tablette-coord\",\"operations\":[{\"opId\":\"op-sans-prenom\","
                + "\"entity\":\"resident\",\"entityId\":\"r-sans-prenom\",\"data\":{\"id\":\"r-sans-prenom\","
                + "\"structureId\":\"" + DemoSeeder.STRUCTURE_ID
                + "\",\"lastName\":\"Martin\",\"fileNumber\":\" \",\"city\":\"Marseille\","
                + "\"referentId\":\"" + DemoSeeder.CONSEIL1 + "\"}}]}";
        TestServer.Response pushed = server.postJson(ApiPaths.SYNC_PUSH, server.token("coord"), push);
        assertThat(pushed.body()).contains("\"applied\"");
        java.net.http.HttpResponse<byte[]> pdf;
        try {
            pdf = java.net.http.HttpClient.newHttpClient()
                    .send(
                            server.request(ApiPaths.residentExport("r-sans-prenom"), server.token("bureau"))
                                    .GET()
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(pdf.statusCode()).isEqualTo(200);
        // nor a blank file number (« export-.pdf »)
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"export-r-sans-prenom.pdf\"");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Données détenues sur Martin");
        }
    }
}
