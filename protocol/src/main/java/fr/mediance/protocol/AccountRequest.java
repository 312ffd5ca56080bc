package fr.mediance.protocol;

/**
 * Body of POST {@link ApiPaths#ACCOUNTS} (create: {@code username}, {@code displayName}, {@code role}) and PUT
 * {@link ApiPaths#ACCOUNT} (edit: {@code displayName}, {@code role}, {@code active}; null keeps the value, the
 * username never changes). Disabling revokes every token of the account at once.
 */
public record AccountRequest(String username, String displayName, Role role, Boolean active) {}
