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
                CaseDto,
                RequestDto,
                AnonymousContactDto,
                BudgetDto,
                AidApplicationDto,
                EnergyContractDto,
                DebtDto,
                OverindebtednessFileDto,
                PaymentPlanDto,
                PartnerDto {
    String id();
}
