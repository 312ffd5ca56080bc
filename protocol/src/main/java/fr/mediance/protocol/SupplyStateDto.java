package fr.mediance.protocol;

import java.time.LocalDate;

/**
 * One entry of a contract's supply-state history (domain brief §2.12): since {@code date} the supply was in
 * {@code state} (the codes of {@link EnergyRecords#SUPPLY_STATES}: normal, limited with its power in {@code kva},
 * cut, resiliated), as told by {@code source} ({@link EnergyRecords#SOURCES}); {@code visitReportId} names the
 * visit that recorded it, if any.
 */
public record SupplyStateDto(String id, String state, Long kva, LocalDate date, String source, String visitReportId) {}
