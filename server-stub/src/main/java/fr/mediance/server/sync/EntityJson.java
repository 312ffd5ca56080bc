package fr.mediance.server.sync;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.protocol.json.MedianceJson;

/**
 * A record's stored JSON, through the protocol's adapters (the same form as on the wire). Records read recently
 * are kept by their text ({@link ParsedRecords}): the same text is not parsed again.
 */
public final class EntityJson {
    /** About 12 million characters of JSON: the records a big team's day of sync reads again and again. */
    static final long KEPT_CHARS = 12_000_000L;

    private static final ParsedRecords RECENT = new ParsedRecords(KEPT_CHARS);

    private EntityJson() {}

    public static String write(EntityDto dto) {
        return MedianceJson.gson().toJson(dto, dto.getClass());
    }

    public static EntityDto read(EntityType type, String json) {
        return RECENT.read(type, json, EntityJson::parse);
    }

    static EntityDto parse(EntityType type, String json) {
        return MedianceJson.gson().fromJson(json, dtoClass(type));
    }

    private static Class<? extends EntityDto> dtoClass(EntityType type) {
        return switch (type) {
            case RESIDENT -> ResidentDto.class;
            case APPOINTMENT -> AppointmentDto.class;
            case VISIT_REPORT -> VisitReportDto.class;
            case DOCUMENT -> DocumentDto.class;
            case CODE -> CodeDto.class;
            case CONFLICT -> fr.mediance.protocol.ConflictDto.class;
            case BLOB -> fr.mediance.protocol.BlobStatusDto.class;
            case TASK -> fr.mediance.protocol.TaskDto.class;
            case CONSENT -> fr.mediance.protocol.ConsentDto.class;
            case MANDATE -> fr.mediance.protocol.MandateDto.class;
            case PRIVATE_NOTE -> fr.mediance.protocol.PrivateNoteDto.class;
            case BUDGET -> fr.mediance.protocol.BudgetDto.class;
            case OVERINDEBTEDNESS_FILE -> fr.mediance.protocol.OverindebtednessFileDto.class;
            case PAYMENT_PLAN -> fr.mediance.protocol.PaymentPlanDto.class;
            case PARTNER -> fr.mediance.protocol.PartnerDto.class;
            case AID_APPLICATION -> fr.mediance.protocol.AidApplicationDto.class;
            case CASE -> fr.mediance.protocol.CaseDto.class;
            case REQUEST -> fr.mediance.protocol.RequestDto.class;
            case ANONYMOUS_CONTACT -> fr.mediance.protocol.AnonymousContactDto.class;
            case ENERGY_CONTRACT -> fr.mediance.protocol.EnergyContractDto.class;
            case DEBT -> fr.mediance.protocol.DebtDto.class;
        };
    }
}
