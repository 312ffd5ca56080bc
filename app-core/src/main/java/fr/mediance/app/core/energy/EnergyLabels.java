package fr.mediance.app.core.energy;

import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EnergyRecords;
import fr.mediance.protocol.SupplyStateDto;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * How contracts, supply states and debts read on a screen, in the bundle's language: the fixed codes through the
 * bundle's {@code energy.*} keys, the supplier and the creditor by their names in the partner directory.
 */
public final class EnergyLabels {
    private final ResourceBundle texts;
    private final ReferenceService reference;

    public EnergyLabels(ResourceBundle texts, ReferenceService reference) {
        this.texts = texts;
        this.reference = reference;
    }

    /** The label of a fixed code ("energy.energy.gaz"), or the code itself. */
    public String code(String group, String code) {
        if (code == null) {
            return "";
        }
        try {
            return texts.getString("energy." + group + "." + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    public String date(LocalDate d) {
        return d == null ? "" : Texts.date(texts).format(d);
    }

    public String supplier(String code) {
        return code == null ? texts.getString("energy.contract.supplier.none") : reference.partnerName(code);
    }

    /** « Électricité · EDF ». */
    public String contractTitle(EnergyContractDto c) {
        return Texts.format(texts, "energy.clock.contract", code("energy", c.energy()), supplier(c.supplier()));
    }

    /** « TRV · PDL 12345678901234 · 6 kVA souscrits · Linky ». */
    public String contractDetails(EnergyContractDto c) {
        List<String> parts = new ArrayList<>();
        if (c.offer() != null) {
            parts.add(code("offer", c.offer()));
        }
        if (c.deliveryPoint() != null) {
            parts.add(Texts.format(
                    texts,
                    EnergyRecords.GAZ.equals(c.energy()) ? "energy.contract.pce" : "energy.contract.pdl",
                    c.deliveryPoint()));
        }
        if (c.subscribedKva() != null) {
            parts.add(Texts.format(texts, "energy.contract.kva", c.subscribedKva()));
        }
        if (Boolean.TRUE.equals(c.smartMeter())) {
            parts.add(texts.getString(
                    EnergyRecords.GAZ.equals(c.energy()) ? "energy.contract.gazpar" : "energy.contract.linky"));
        }
        if (c.billingMode() != null) {
            parts.add(code("billing", c.billingMode()));
        }
        return String.join(" · ", parts);
    }

    /** « Puissance réduite à 3 kVA » (the state alone). */
    public String state(SupplyStateDto s) {
        if (EnergyRecords.SUPPLY_LIMITED.equals(s.state())) {
            return s.kva() == null
                    ? texts.getString("energy.state.limited.unknown")
                    : Texts.format(texts, "energy.state.limited", s.kva());
        }
        return code("state", s.state());
    }

    /** « Puissance réduite à 3 kVA depuis le 20/11/2026 », or that the state is not recorded. */
    public String currentState(EnergyContractDto c) {
        return c.currentSupplyState()
                .map(s -> Texts.format(texts, "energy.state.since", state(s), date(s.date())))
                .orElse(texts.getString("energy.state.none"));
    }

    /** One line of the history: « 20/11/2026 · Puissance réduite à 3 kVA · constaté en visite ». */
    public String historyLine(SupplyStateDto s) {
        String line = date(s.date()) + " · " + state(s);
        return s.source() == null ? line : line + " · " + code("source", s.source());
    }

    /** « EDF · 412,50 € ». */
    public String debtTitle(DebtDto d) {
        return Texts.format(
                texts,
                "energy.debt.title",
                d.creditor() == null ? code("energy", "") : reference.partnerName(d.creditor()),
                Texts.money(texts, d.amountCents()));
    }

    /** « Facture du 01/09/2026 · 1re relance le 01/10/2026 · Statut : Reconnue ». */
    public String debtDetails(DebtDto d) {
        List<String> parts = new ArrayList<>();
        if (d.issueDate() != null) {
            parts.add(Texts.format(texts, "energy.debt.issued", date(d.issueDate())));
        }
        if (d.firstReminderOn() != null) {
            parts.add(Texts.format(texts, "energy.debt.reminder", date(d.firstReminderOn())));
        }
        if (d.secondLetterOn() != null) {
            parts.add(Texts.format(texts, "energy.debt.second", date(d.secondLetterOn())));
        }
        parts.add(Texts.format(texts, "energy.debt.status", code("status", d.status())));
        return String.join(" · ", parts);
    }
}
