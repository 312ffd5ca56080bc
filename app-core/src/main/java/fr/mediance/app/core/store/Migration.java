package fr.mediance.app.core.store;

/**
 * One step of the schema: applied once, in order, to go from the previous version to {@code version}.
 * Never edited or renumbered once released; a change is a new migration, appended to {@link Migrations#ALL}
 * and numbered last + 1 (the rules are in {@link Migrations}).
 */
public record Migration(int version, String description, String sql) {}
