package fr.mediance.protocol;

import java.time.Instant;

/**
 * An appointment planned by a coordinator. {@code type}: home_visit, desk, phone, video. {@code status}:
 * proposed, confirmed, done, cancelled_by_resident, no_show, cancelled_by_structure.
 */
public record AppointmentDto(String id, String structureId, String residentId, String counsellorId, String type,
                             Instant start, Instant end, String status, String address, String notes,
                             String statusReason) implements EntityDto {
}
