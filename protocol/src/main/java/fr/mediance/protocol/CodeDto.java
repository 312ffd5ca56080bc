package fr.mediance.protocol;

/**
 * One entry of an editable code list (domain brief §5): {@code list} is e.g. "domain", "document_type",
 * "medium"; {@code parent} groups motifs under a domain (or names what triggers a rule); {@code value} carries
 * the entry's parameter when it has one (a delay in days for a task rule, an ISO period for a retention or a
 * mandate duration, a version for the information notice). Its id is {@code list + ":" + code}.
 */
public record CodeDto(
        String list, String code, String label, String parent, int sortOrder, boolean active, String value)
        implements EntityDto {
    public CodeDto(String list, String code, String label, String parent, int sortOrder, boolean active) {
        this(list, code, label, parent, sortOrder, active, null);
    }

    @Override
    public String id() {
        return list + ":" + code;
    }
}
