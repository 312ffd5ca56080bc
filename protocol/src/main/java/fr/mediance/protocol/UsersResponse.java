package fr.mediance.protocol;

import java.util.List;

/** Answer of {@link ApiPaths#USERS}: the active accounts of the caller's structure. */
public record UsersResponse(List<UserDto> users) {
    public UsersResponse {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
