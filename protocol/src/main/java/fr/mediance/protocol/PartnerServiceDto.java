package fr.mediance.protocol;

import java.util.List;

/**
 * One named service of a partner (a desk, a solidarity line, a département's FSL office): where it is, how to reach
 * it, when it is open, and the documents it requires ({@code documents}: codes of the "document_type" list). Public
 * contact details of an organisation, never a resident's data.
 */
public record PartnerServiceDto(
        String id,
        String name,
        String address,
        String postcode,
        String city,
        String phone,
        String email,
        String hours,
        List<String> documents,
        String note) {
    public PartnerServiceDto {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
