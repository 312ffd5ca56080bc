package fr.mediance.protocol;

/** A synchronised record. Every record has a client-generated UUID. */
public sealed interface EntityDto
        permits ResidentDto,
                AppointmentDto,
                VisitReportDto,
                DocumentDto,
                CodeDto,
                ConflictDto,
                BlobStatusDto,
                TaskDto,
                ConsentDto,
                MandateDto,
                PrivateNoteDto,
                EnergyContractDto,
                DebtDto {
    String id();
}
