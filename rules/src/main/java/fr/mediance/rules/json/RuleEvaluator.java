package fr.mediance.rules.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import fr.mediance.rules.BudgetSheet;
import fr.mediance.rules.ChequeEnergie;
import fr.mediance.rules.Deadlines;
import fr.mediance.rules.Energy;
import fr.mediance.rules.EnergyProcedure;
import fr.mediance.rules.LegalReference;
import fr.mediance.rules.PaymentPlans;
import fr.mediance.rules.Periodicity;
import fr.mediance.rules.RuleException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates one case {@code {"id", "rule", "input"}} into {@code {"id", "output": {...}}}, or {@code {"id", "error":
 * {"code", "message"}}} when the rule refuses the input (never an exception). Field names are the rules' snake_case
 * names; dates are ISO strings; money and rates are numbers.
 */
public final class RuleEvaluator {
    private final EnergyProcedure energy;
    private final ChequeEnergie chequeEnergie;
    private final Deadlines deadlines;
    private final Map<String, Function<Inputs, JsonObject>> rules;

    public RuleEvaluator(LegalReference reference) {
        this.energy = new EnergyProcedure(reference);
        this.chequeEnergie = new ChequeEnergie(reference);
        this.deadlines = new Deadlines(reference);
        this.rules = Map.ofEntries(
                Map.entry("cheque_energie", this::chequeEnergie),
                Map.entry("treve", this::treve),
                Map.entry("winter_power_reduction", this::winterPowerReduction),
                Map.entry("unpaid_timeline", this::unpaidTimeline),
                Map.entry("linky_reduction_end", this::linkyReductionEnd),
                Map.entry("mne_window", this::mneWindow),
                Map.entry("caf_indu", this::cafIndu),
                Map.entry("billing_catchup", this::billingCatchup),
                Map.entry("retention", this::retention),
                Map.entry("budget", this::budget),
                Map.entry("payment_plan_schedule", this::paymentPlanSchedule),
                Map.entry("debt_balances", this::debtBalances));
    }

    /** The rules' names. */
    public List<String> ruleNames() {
        return rules.keySet().stream().sorted().toList();
    }

    public JsonObject evaluate(JsonElement testCase) {
        JsonObject answer = new JsonObject();
        JsonElement id = testCase != null && testCase.isJsonObject()
                ? testCase.getAsJsonObject().get("id")
                : null;
        answer.add("id", id == null ? JsonNull.INSTANCE : id);
        try {
            Inputs envelope = Inputs.of("case", testCase);
            String rule = envelope.string("rule");
            Function<Inputs, JsonObject> computation = rules.get(rule);
            if (computation == null) {
                throw new RuleException(RuleException.UNKNOWN_RULE, "rule.unknown", rule);
            }
            answer.add(
                    "output",
                    computation.apply(
                            Inputs.of("input", testCase.getAsJsonObject().get("input"))));
        } catch (RuleException e) {
            answer.add("error", error(e.code(), e.getMessage()));
        }
        return answer;
    }

    static JsonObject error(String code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        return error;
    }

    private JsonObject chequeEnergie(Inputs in) {
        ChequeEnergie.Result r =
                chequeEnergie.compute(in.decimal("rfr"), in.integer("persons"), in.integer("campaign"));
        JsonObject out = new JsonObject();
        out.addProperty("uc", r.units());
        out.addProperty("eligible", r.eligible());
        out.addProperty("amount", r.amount());
        return out;
    }

    private JsonObject treve(Inputs in) {
        EnergyProcedure.TreveStatus r = energy.treve(in.date("date"), Energy.fromCode(in.string("energy")));
        JsonObject out = new JsonObject();
        out.addProperty("in_treve", r.inTreve());
        out.addProperty("cut_protected", r.cutProtected());
        return out;
    }

    private JsonObject winterPowerReduction(Inputs in) {
        Optional<Integer> reduced = energy.winterPowerReduction(
                in.date("date"), in.integer("subscribed_kva"), in.bool("cheque_energie_attestation"));
        JsonObject out = new JsonObject();
        out.addProperty("reduction_allowed", reduced.isPresent());
        out.add("reduced_kva", reduced.<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE));
        return out;
    }

    private JsonObject unpaidTimeline(Inputs in) {
        EnergyProcedure.UnpaidTimeline r = energy.unpaidTimeline(
                in.date("issue_date"),
                in.optionalDate("due_date"),
                in.bool("aided"),
                in.optionalDate("first_letter_date"),
                in.optionalDate("second_letter_date"));
        JsonObject out = new JsonObject();
        out.add("unpaid_on", date(r.unpaidOn()));
        out.add("payment_deadline", r.paymentDeadline().map(RuleEvaluator::date).orElse(JsonNull.INSTANCE));
        out.add(
                "earliest_reduction_or_cut",
                r.earliestReductionOrCut().map(RuleEvaluator::date).orElse(JsonNull.INSTANCE));
        return out;
    }

    private JsonObject linkyReductionEnd(Inputs in) {
        EnergyProcedure.ReductionEnd r = energy.linkyReductionEnd(in.date("reduction_start"));
        JsonObject out = new JsonObject();
        out.add("sixtieth_day", date(r.sixtiethDay()));
        out.add("earliest_cut", date(r.earliestCut()));
        return out;
    }

    private JsonObject mneWindow(Inputs in) {
        Deadlines.MneWindow r = deadlines.mneWindow(in.date("complaint_date"));
        JsonObject out = new JsonObject();
        out.add("saisine_from", date(r.saisineFrom()));
        out.add("saisine_until", date(r.saisineUntil()));
        return out;
    }

    private JsonObject cafIndu(Inputs in) {
        Deadlines.CafIndu r = deadlines.cafIndu(in.date("notification_date"));
        JsonObject out = new JsonObject();
        out.add("rectification_until", date(r.rectificationUntil()));
        out.add("cra_until", date(r.craUntil()));
        return out;
    }

    private JsonObject billingCatchup(Inputs in) {
        JsonObject out = new JsonObject();
        out.add("oldest_billable", date(deadlines.oldestBillable(in.date("last_reading_date"))));
        return out;
    }

    private JsonObject retention(Inputs in) {
        Deadlines.RetentionKind kind = Deadlines.RetentionKind.fromCode(in.string("kind"));
        JsonObject out = new JsonObject();
        out.add("delete_on", date(deadlines.deleteOn(kind, in.date("reference_date"))));
        return out;
    }

    private JsonObject budget(Inputs in) {
        BudgetSheet.Figures r = BudgetSheet.compute(
                in.integer("household_persons"),
                lines(in.array("incomes"), "incomes"),
                lines(in.array("charges"), "charges"),
                lines(in.array("credits"), "credits"));
        JsonObject out = new JsonObject();
        out.addProperty("monthly_income", r.monthlyIncome());
        out.addProperty("monthly_charges", r.monthlyCharges());
        out.addProperty("reste_a_vivre", r.resteAVivre());
        out.addProperty("reste_a_vivre_per_person", r.resteAVivrePerPerson());
        out.add(
                "energy_effort_rate",
                r.energyEffortRate().<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE));
        out.addProperty("energy_precarity", r.energyPrecarity());
        return out;
    }

    private JsonObject paymentPlanSchedule(Inputs in) {
        List<PaymentPlans.Instalment> plan = PaymentPlans.schedule(
                in.integer("total_cents"), in.integer("count"), in.date("first_due"), in.integer("every_months"));
        JsonArray instalments = new JsonArray();
        for (PaymentPlans.Instalment i : plan) {
            JsonObject o = new JsonObject();
            o.add("due_date", date(i.dueDate()));
            o.addProperty("amount_cents", i.amountCents());
            instalments.add(o);
        }
        JsonObject out = new JsonObject();
        out.add("instalments", instalments);
        return out;
    }

    private JsonObject debtBalances(Inputs in) {
        List<PaymentPlans.Debt> debts = new ArrayList<>();
        for (JsonElement element : in.array("debts")) {
            Inputs debt = Inputs.of("debts", element);
            debts.add(new PaymentPlans.Debt(debt.string("id"), debt.date("date"), debt.integer("amount_cents")));
        }
        List<PaymentPlans.Payment> payments = new ArrayList<>();
        for (JsonElement element : in.array("payments")) {
            Inputs payment = Inputs.of("payments", element);
            List<String> ids = new ArrayList<>();
            for (JsonElement id : payment.array("debt_ids")) {
                ids.add(Inputs.of("payments", wrap(id)).string("id"));
            }
            payments.add(new PaymentPlans.Payment(payment.integer("amount_cents"), ids));
        }
        PaymentPlans.Balances r = PaymentPlans.balances(debts, payments);
        JsonArray balances = new JsonArray();
        r.balances().forEach((id, cents) -> {
            JsonObject o = new JsonObject();
            o.addProperty("id", id);
            o.addProperty("balance_cents", cents);
            balances.add(o);
        });
        JsonObject out = new JsonObject();
        out.add("balances", balances);
        out.addProperty("unimputed_cents", r.unimputedCents());
        return out;
    }

    private static JsonObject wrap(JsonElement id) {
        JsonObject o = new JsonObject();
        o.add("id", id);
        return o;
    }

    private static List<BudgetSheet.Line> lines(JsonArray array, String name) {
        List<BudgetSheet.Line> lines = new ArrayList<>();
        for (JsonElement element : array) {
            Inputs line = Inputs.of(name, element);
            BigDecimal amount = line.decimal("amount");
            lines.add(new BudgetSheet.Line(
                    line.string("category"),
                    amount,
                    Periodicity.fromCode(line.string("periodicity")),
                    line.optionalBool("paid_to_landlord")));
        }
        return lines;
    }

    private static JsonElement date(LocalDate date) {
        return new JsonPrimitive(date.toString());
    }
}
