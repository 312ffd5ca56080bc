package fr.mediance.protocol;

import java.time.LocalDate;

/** A stage the creditor's procedure reached on a day ({@link EnergyRecords#STAGES} for energy). */
public record DebtStageDto(String stage, LocalDate date) {}
