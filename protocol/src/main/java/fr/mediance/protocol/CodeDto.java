package fr.mediance.protocol;

/**
 * One entry of an editable code list (domain brief §5): {@code list} is e.g. "domain", "document_type",
 * "medium"; {@code parent} groups motifs under a domain. Its id is {@code list + ":" + code}.
 */
public record CodeDto(String list, String code, String label, String parent, int sortOrder, boolean active)
        implements EntityDto {
    @Override
    public String id() {
        return list + ":" + code;
    }
}
