package fr.mediance.protocol;

/**
 * Answer of {@link ApiPaths#TOTP_ENROL}: the new secret (base32), shown once, and its {@code otpauth://} URI for a
 * QR code. The enrolment is confirmed by the first login with a valid code.
 */
public record TotpEnrolmentDto(String secret, String otpauthUri) {
    @Override
    public String toString() {
        return "TotpEnrolmentDto[…]";
    }
}
