package fr.mediance.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command's output: one JSON line per case, in order, errors as values, nothing else. */
class RulesMainTest {

    private static List<JsonObject> run(String input) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            RulesMain.run(new BufferedReader(new StringReader(input)), out);
        }
        return bytes.toString(StandardCharsets.UTF_8)
                .lines()
                .map(line -> JsonParser.parseString(line).getAsJsonObject())
                .toList();
    }

    @Test
    void answersEachCaseOnItsOwnLineInOrderAndSkipsBlankLines() throws IOException {
        List<JsonObject> answers = run("""
                {"id": "a", "rule": "caf_indu", "input": {"notification_date": "2026-12-15"}}

                {"id": 7, "rule": "treve", "input": {"date": "2026-07-01", "energy": "gaz"}}
                """);
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).toString())
                .isEqualTo(
                        "{\"id\":\"a\",\"output\":{\"rectification_until\":\"2027-01-04\",\"cra_until\":\"2027-02-15\"}}");
        assertThat(answers.get(1).toString())
                .isEqualTo("{\"id\":7,\"output\":{\"in_treve\":false,\"cut_protected\":false}}");
    }

    @Test
    void aValueThatDoesNotApplyIsWrittenAsNull() throws IOException {
        JsonObject answer =
                run("{\"id\":\"w\",\"rule\":\"winter_power_reduction\",\"input\":{\"date\":\"2027-01-05\",\"subscribed_kva\":9,\"cheque_energie_attestation\":true}}")
                        .get(0);
        assertThat(answer.getAsJsonObject("output").toString())
                .isEqualTo("{\"reduction_allowed\":false,\"reduced_kva\":null}");
    }

    @Test
    void refusalsAreErrorsWithACodeAndAFrenchMessage() throws IOException {
        List<JsonObject> answers = run("""
                {"id": "d", "rule": "mne_window", "input": {"complaint_date": "2026-02-30"}}
                {"id": "f", "rule": "mne_window", "input": {"complaint_date": "30/01/2026"}}
                {"id": "m", "rule": "caf_indu", "input": {}}
                {"id": "t", "rule": "cheque_energie", "input": {"rfr": "9000", "persons": 2, "campaign": 2023}}
                {"id": "p", "rule": "cheque_energie", "input": {"rfr": 9000, "persons": 2.5, "campaign": 2023}}
                {"id": "u", "rule": "horoscope", "input": {}}
                {"id": "k", "rule": "retention", "input": {"kind": "photo", "reference_date": "2026-01-01"}}
                {"id": "big", "rule": "cheque_energie", "input": {"rfr": 1e999999999, "persons": 2, "campaign": 2023}}
                {"id": "s", "rule": "budget", "input": {"household_persons": 1, "incomes": [{"category": "salaire", "amount": 1, "periodicity": "daily"}], "charges": [], "credits": []}}
                not json at all
                {"id": "n", "rule": "treve"}
                """);
        assertThat(answers)
                .extracting(a -> a.get("id").isJsonNull() ? null : a.get("id").getAsString())
                .containsExactly("d", "f", "m", "t", "p", "u", "k", "big", "s", null, "n");
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.has("output")).isFalse();
            assertThat(a.getAsJsonObject("error").get("code").getAsString()).isNotBlank();
            assertThat(a.getAsJsonObject("error").get("message").getAsString()).isNotBlank();
        });
        assertThat(answers)
                .extracting(a -> a.getAsJsonObject("error").get("code").getAsString())
                .containsExactly(
                        "invalid_date",
                        "invalid_date",
                        "invalid_input",
                        "invalid_input",
                        "invalid_input",
                        "unknown_rule",
                        "unknown_code",
                        "invalid_input",
                        "unknown_code",
                        "invalid_json",
                        "invalid_input");
        assertThat(answers.get(0).getAsJsonObject("error").get("message").getAsString())
                .isEqualTo("Le champ « complaint_date » n'est pas une date valide (AAAA-MM-JJ).");
    }

    @Test
    void moneyAndRatesAreNumbers() throws IOException {
        JsonObject output =
                run("{\"id\":1,\"rule\":\"budget\",\"input\":{\"household_persons\":3,\"incomes\":[{\"category\":\"rsa\",\"amount\":1000,\"periodicity\":\"monthly\"}],\"charges\":[{\"category\":\"gaz\",\"amount\":100.5,\"periodicity\":\"monthly\"}],\"credits\":[]}}")
                        .get(0)
                        .getAsJsonObject("output");
        assertThat(output.toString())
                .isEqualTo("{\"monthly_income\":1000.00,\"monthly_charges\":100.50,\"reste_a_vivre\":899.50,"
                        + "\"reste_a_vivre_per_person\":299.83,\"energy_effort_rate\":10.1,\"energy_precarity\":true}");
    }

    @Test
    void aPaymentPlanScheduleAndDebtBalancesAreAnsweredInCents() throws IOException {
        List<JsonObject> answers = run("""
                {"id": "s", "rule": "payment_plan_schedule", "input": {"total_cents": 10000, "count": 3, "first_due": "2027-01-31", "every_months": 1}}
                {"id": "b", "rule": "debt_balances", "input": {"debts": [{"id": "gaz", "date": "2026-02-01", "amount_cents": 30000}, {"id": "elec", "date": "2025-11-15", "amount_cents": 20000}], "payments": [{"amount_cents": 25000, "debt_ids": ["gaz", "elec"]}]}}
                {"id": "z", "rule": "payment_plan_schedule", "input": {"total_cents": 10000, "count": 0, "first_due": "2027-01-31", "every_months": 1}}
                """);
        assertThat(answers.get(0).toString())
                .isEqualTo("{\"id\":\"s\",\"output\":{\"instalments\":["
                        + "{\"due_date\":\"2027-01-31\",\"amount_cents\":3334},"
                        + "{\"due_date\":\"2027-02-28\",\"amount_cents\":3333},"
                        + "{\"due_date\":\"2027-03-31\",\"amount_cents\":3333}]}}");
        assertThat(answers.get(1).toString())
                .isEqualTo("{\"id\":\"b\",\"output\":{\"balances\":["
                        + "{\"id\":\"elec\",\"balance_cents\":0},{\"id\":\"gaz\",\"balance_cents\":25000}],"
                        + "\"unimputed_cents\":0}}");
        assertThat(answers.get(2).getAsJsonObject("error").toString())
                .isEqualTo("{\"code\":\"invalid_input\",\"message\":\"Un échéancier compte de 1 à 120 échéances.\"}");
    }
}
