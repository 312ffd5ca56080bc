package fr.mediance.protocol;

/**
 * Answer of an account's creation or reset: the account and its temporary password, shown once to the manager,
 * to be changed at the next login. A reset also clears the second factor (enrolled again at the next login).
 */
public record AccountPasswordDto(AccountDto account, String temporaryPassword) {
    @Override
    public String toString() {
        return "AccountPasswordDto[account=" + account + "]";
    }
}
