package fr.mediance.protocol;

/** Answer of a blob upload: the server holds these bytes, verified. {@code created} is false for a repeat. */
public record BlobReceiptDto(String sha256, long sizeBytes, boolean created) {}
