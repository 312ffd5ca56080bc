package fr.mediance.protocol;

import java.util.List;

/** Answer of GET {@link ApiPaths#CALENDAR_LINKS}: a counsellor's feed links, the newest first. */
public record CalendarLinksResponse(List<CalendarLinkDto> links) {
    public CalendarLinksResponse {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
