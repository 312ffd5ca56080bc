package fr.mediance.protocol;

/**
 * Answer of POST {@link ApiPaths#CALENDAR_LINKS}: the new link, its secret (shown once, stored by the server as a
 * hash only) and the feed's path on the server ({@link ApiPaths#calendarFeed}), to be added to the server's address.
 */
public record CalendarLinkCreatedDto(CalendarLinkDto link, String token, String path) {}
