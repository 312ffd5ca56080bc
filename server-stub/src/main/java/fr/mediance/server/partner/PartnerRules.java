package fr.mediance.server.partner;

import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.PartnerDto;
import fr.mediance.protocol.PartnerServiceDto;
import fr.mediance.protocol.Partners;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.server.db.Tx;
import fr.mediance.server.sync.FieldChecks;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The partner directory: shared by every structure and seen by everyone, like the code lists; written by the
 * coordination, the office and the admin. A partner's fields are checked by {@link Partners#problems} (as on the
 * device), its type, creditor categories and the documents its services require against their lists. A partner
 * still named by a debt or an energy contract is not deleted: a deletion makes it inactive, so that the old records
 * keep their creditor (a payment plan's too). A deleted partner is not revived.
 */
public final class PartnerRules extends RecordRules<PartnerDto> {

    public PartnerRules() {
        super(EntityType.PARTNER, PartnerDto.class);
    }

    @Override
    public boolean global() {
        return true;
    }

    @Override
    public void validate(Tx tx, PartnerDto p, LocalDate today) {
        List<Partners.Problem> problems = Partners.problems(p);
        if (!problems.isEmpty()) {
            throw RejectedOp.invalid(problems.get(0).field(), problems.get(0).message());
        }
        FieldChecks.code(tx, "type", ListNames.PARTNER_TYPE, p.type(), true);
        FieldChecks.codes(tx, "categories", ListNames.CREDITOR_CATEGORY, p.categories());
        for (int i = 0; i < p.services().size(); i++) {
            PartnerServiceDto s = p.services().get(i);
            FieldChecks.codes(tx, "services[" + i + "].documents", ListNames.DOCUMENT_TYPE, s.documents());
        }
    }

    @Override
    public OperationResultDto apply(Operation c, PartnerDto partner) {
        requireEditor(c);
        validate(c.tx(), partner, c.today());
        Optional<StoredEntity> existing = c.find(EntityType.PARTNER, partner.id());
        if (existing.isPresent() && existing.get().deleted()) {
            throw new RejectedOp(RejectedOp.ENTITY_DELETED, "Ce partenaire a été supprimé de l'annuaire.");
        }
        if (existing.isPresent() && existing.get().data().equals(partner)) {
            return c.applied(existing.get().version());
        }
        return c.applied(c.save(partner));
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        requireEditor(c);
    }

    /** A partner still named by a debt or a contract becomes inactive instead of being deleted. */
    @Override
    public Optional<Long> insteadOfDelete(Operation c, StoredEntity existing) {
        if (existing.deleted() || !named(c.tx(), existing.id())) {
            return Optional.empty();
        }
        PartnerDto p = (PartnerDto) existing.data();
        if (!p.active()) {
            return Optional.of(existing.version());
        }
        return Optional.of(
                c.save(new PartnerDto(p.id(), p.type(), p.name(), p.categories(), p.services(), p.website(), false)));
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, PartnerDto partner) {
        return true;
    }

    /**
     * Whether a debt, an energy contract or a payment plan (not deleted) names the partner as its creditor or
     * supplier.
     */
    static boolean named(Tx tx, String partnerId) {
        String quoted = MedianceJson.gson().toJson(partnerId);
        for (String json : tx.query(
                "SELECT data FROM debts WHERE deleted = 0 AND data LIKE ?",
                rs -> rs.getString(1),
                "%\"creditor\":" + quoted + "%")) {
            if (partnerId.equals(
                    MedianceJson.gson().fromJson(json, DebtDto.class).creditor())) {
                return true;
            }
        }
        for (String json : tx.query(
                "SELECT data FROM energy_contracts WHERE deleted = 0 AND data LIKE ?",
                rs -> rs.getString(1),
                "%\"supplier\":" + quoted + "%")) {
            if (partnerId.equals(
                    MedianceJson.gson().fromJson(json, EnergyContractDto.class).supplier())) {
                return true;
            }
        }
        for (String json : tx.query(
                "SELECT data FROM payment_plans WHERE deleted = 0 AND data LIKE ?",
                rs -> rs.getString(1),
                "%\"creditor\":" + quoted + "%")) {
            if (partnerId.equals(MedianceJson.gson()
                    .fromJson(json, fr.mediance.protocol.PaymentPlanDto.class)
                    .creditor())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The check of a creditor or a supplier that a debt or a contract names: a partner of the directory (not deleted);
     * an active one when the record is new or names another partner than before ({@code before}), so that an old
     * record keeps a partner the office has since made inactive.
     */
    public static void requirePartner(Tx tx, String field, String partnerId, String before) {
        if (partnerId == null || partnerId.isEmpty()) {
            return;
        }
        Optional<PartnerDto> p = partnerId.length() > fr.mediance.protocol.Limits.MAX_ID
                ? Optional.empty()
                : tx.queryOne(
                        "SELECT data FROM partners WHERE id = ? AND deleted = 0",
                        rs -> MedianceJson.gson().fromJson(rs.getString(1), PartnerDto.class),
                        partnerId);
        if (p.isEmpty()) {
            throw new RejectedOp(
                    RejectedOp.UNKNOWN_CODE,
                    "Valeur inconnue pour « " + field + " » : « " + FieldChecks.shorten(partnerId)
                            + " » n'est pas dans l'annuaire des partenaires.");
        }
        if (!p.get().active() && !partnerId.equals(before)) {
            throw new RejectedOp(
                    RejectedOp.UNKNOWN_CODE,
                    "« " + p.get().name() + " » n'est plus actif dans l'annuaire des partenaires : choisissez-en un "
                            + "autre pour « " + field + " ».");
        }
    }

    /**
     * An entry of the former "partner" code list sent by an older device (office, coordination or admin): the partner
     * of the same code takes its label as name, its category among its categories and its active flag; a new code
     * becomes a partner with no service yet. Answers the partner's version.
     */
    public static long fromOldCode(Operation c, fr.mediance.protocol.CodeDto code) {
        Optional<StoredEntity> existing = c.find(EntityType.PARTNER, code.code());
        if (existing.isPresent() && existing.get().deleted()) {
            throw new RejectedOp(RejectedOp.ENTITY_DELETED, "Ce partenaire a été supprimé de l'annuaire.");
        }
        List<String> categories = new java.util.ArrayList<>(
                existing.map(e -> ((PartnerDto) e.data()).categories()).orElse(List.of()));
        if (code.parent() != null && !categories.contains(code.parent())) {
            categories.add(code.parent());
        }
        PartnerDto before = existing.map(e -> (PartnerDto) e.data()).orElse(null);
        PartnerDto after = new PartnerDto(
                code.code(),
                before == null ? ("energie".equals(code.parent()) ? "fournisseur_energie" : "autre") : before.type(),
                code.label(),
                categories,
                before == null ? List.of() : before.services(),
                before == null ? null : before.website(),
                code.active());
        if (after.equals(before)) {
            return existing.get().version();
        }
        return c.save(after);
    }

    private static void requireEditor(Operation c) {
        if (!c.byStaff()) {
            throw RejectedOp.forbidden(
                    "Seuls la coordination, le bureau et l'administration modifient l'annuaire des partenaires.");
        }
    }
}
