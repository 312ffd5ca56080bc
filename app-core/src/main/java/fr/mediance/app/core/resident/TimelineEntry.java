package fr.mediance.app.core.resident;

import java.time.Instant;
import java.util.List;

/**
 * One line of a resident's timeline: when, what kind ({@code appointment}, {@code contact}, {@code document},
 * {@code consent}, {@code mandate}, {@code task}: also the icon key), a one-line French summary, and sub-lines
 * (a contact's actions and orientations).
 */
public record TimelineEntry(Instant at, String kind, String recordId, String summary, List<String> details) {
    public TimelineEntry {
        details = details == null ? List.of() : List.copyOf(details);
    }
}
