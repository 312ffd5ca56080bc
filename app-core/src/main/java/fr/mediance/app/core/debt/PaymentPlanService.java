package fr.mediance.app.core.debt;

import fr.mediance.app.core.Outcome;
import fr.mediance.protocol.PaymentPlanDto;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A household's payment plans (échéanciers) on the device: read locally, saved with their outbox entry in one
 * transaction, checked as the server checks them (the protocol's {@code PaymentPlans}, the partner list, debts and
 * confirmation of the same resident), so that nothing saved offline is refused at sync. Field keys of {@link
 * Outcome.Invalid} are the wire paths ("instalments[2].paidOn"). Methods block briefly on the local database: call
 * them off the FX thread.
 */
public interface PaymentPlanService {
    /** The resident's plans: those running first (proposed, accepted, active), then by first due date. */
    List<PaymentPlanDto> plans(String residentId);

    Optional<PaymentPlanDto> plan(String planId);

    /**
     * What remains of each of the resident's debts (amount and fees) once the instalments paid under their plans and
     * the aid granted and paid to the creditor for them ({@code AidApplications.paysItsDebts}) are imputed, oldest
     * debt first ({@code fr.mediance.rules.PaymentPlans#balances}); by debt id.
     */
    Map<String, Long> balances(String residentId);

    /** Creates or updates a plan of the signed-in user's structure. */
    Outcome<PaymentPlanDto> save(PaymentPlanDto plan);
}
