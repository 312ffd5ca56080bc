package fr.mediance.app.core.store;

/**
 * One step of the schema: applied once, in order, to go from {@code version - 1} to {@code version}.
 * Never edited once released; a change is a new migration.
 */
public record Migration(int version, String description, String sql) {
}
