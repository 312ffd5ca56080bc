package fr.mediance.protocol;

import java.util.List;

/** Answer of GET {@link ApiPaths#ACCOUNTS}: the accounts the caller manages, by display name. */
public record AccountsResponse(List<AccountDto> accounts) {}
