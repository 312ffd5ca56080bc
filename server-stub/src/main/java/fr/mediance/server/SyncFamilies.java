package fr.mediance.server;

import fr.mediance.server.appointment.AppointmentRules;
import fr.mediance.server.budget.AidApplicationRules;
import fr.mediance.server.budget.BudgetRules;
import fr.mediance.server.budget.OverindebtednessFileRules;
import fr.mediance.server.casework.AnonymousContactRules;
import fr.mediance.server.casework.CaseRules;
import fr.mediance.server.casework.RequestRules;
import fr.mediance.server.code.CodeRules;
import fr.mediance.server.consent.ConsentRules;
import fr.mediance.server.consent.MandateRules;
import fr.mediance.server.debt.PaymentPlanRules;
import fr.mediance.server.document.DocumentRules;
import fr.mediance.server.energy.DebtRules;
import fr.mediance.server.energy.EnergyContractRules;
import fr.mediance.server.note.PrivateNoteRules;
import fr.mediance.server.partner.PartnerRules;
import fr.mediance.server.resident.ResidentRules;
import fr.mediance.server.sync.BlobRegistry;
import fr.mediance.server.sync.Colleagues;
import fr.mediance.server.sync.EntityFamilies;
import fr.mediance.server.task.TaskRules;
import fr.mediance.server.user.UserStore;
import fr.mediance.server.visit.ReportRules;
import java.util.List;

/** Every family of synced records with its rules: what the push applies and the pull scopes. */
public final class SyncFamilies {
    private SyncFamilies() {}

    public static EntityFamilies all(UserStore users, BlobRegistry blobs) {
        Colleagues colleagues = new Colleagues(users);
        return new EntityFamilies(List.of(
                new ResidentRules(colleagues),
                new AppointmentRules(colleagues),
                new ReportRules(),
                new DocumentRules(blobs),
                new TaskRules(colleagues),
                new ConsentRules(),
                new MandateRules(colleagues),
                new PrivateNoteRules(),
                new BudgetRules(),
                new AidApplicationRules(),
                new OverindebtednessFileRules(),
                new PaymentPlanRules(),
                new CaseRules(colleagues),
                new RequestRules(),
                new AnonymousContactRules(),
                new EnergyContractRules(),
                new DebtRules(),
                new CodeRules(),
                new PartnerRules()));
    }
}
