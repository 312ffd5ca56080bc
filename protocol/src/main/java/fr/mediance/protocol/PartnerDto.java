package fr.mediance.protocol;

import java.util.List;

/**
 * An organisation of the partner directory (annuaire des partenaires, domain brief §5.2): its id is a code
 * ({@link Limits#CODE_PATTERN}; the creditor and supplier codes that debts and contracts name, "edf" among them),
 * its {@code type} a code of the "partner_type" list, {@code categories} the creditor categories it can be the
 * creditor of (empty: not a creditor), its named {@code services}. Shared by every structure, edited by the office;
 * an inactive partner stays readable on old records but is no longer offered.
 */
public record PartnerDto(
        String id,
        String type,
        String name,
        List<String> categories,
        List<PartnerServiceDto> services,
        String website,
        boolean active)
        implements EntityDto {
    public PartnerDto {
        categories = categories == null ? List.of() : List.copyOf(categories);
        services = services == null ? List.of() : List.copyOf(services);
    }
}
