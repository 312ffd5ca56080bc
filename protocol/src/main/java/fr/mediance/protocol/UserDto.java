package fr.mediance.protocol;

/** An account as the app sees it. */
public record UserDto(String id, String username, String displayName, Role role, String structureId) {}
