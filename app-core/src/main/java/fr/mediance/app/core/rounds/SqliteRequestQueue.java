package fr.mediance.app.core.rounds;

import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.AppointmentPlanning;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The requests of the rounds read from the local database, with their residents and the appointments answering them. */
public final class SqliteRequestQueue implements RequestQueue {
    private final StoreHolder store;

    public SqliteRequestQueue(StoreHolder store) {
        this.store = store;
    }

    @Override
    public List<QueueEntry> open() {
        return store.db().read(tx -> {
            List<RequestDto> requests = tx.query(
                    "SELECT * FROM requests WHERE status <> ? ORDER BY received_on, created_at, id",
                    Records::request,
                    Casework.REQUEST_CLOSED);
            Set<String> answered = new HashSet<>();
            for (AppointmentDto a :
                    tx.query("SELECT * FROM appointments WHERE request_id IS NOT NULL", Records::appointment)) {
                if (AppointmentPlanning.active(a.status())) {
                    answered.add(a.requestId());
                }
            }
            Map<String, ResidentDto> residents = new HashMap<>();
            List<QueueEntry> out = new ArrayList<>();
            for (RequestDto r : requests) {
                ResidentDto resident = residents.computeIfAbsent(
                        r.residentId(),
                        id -> Records.load(tx, EntityType.RESIDENT, id)
                                .map(ResidentDto.class::cast)
                                .orElse(null));
                out.add(new QueueEntry(r, resident, answered.contains(r.id())));
            }
            return out;
        });
    }

    @Override
    public Map<String, ResidentDto> residents(Collection<String> ids) {
        return store.db().read(tx -> {
            Map<String, ResidentDto> out = new LinkedHashMap<>();
            for (String id : new HashSet<>(ids)) {
                if (id != null) {
                    Records.load(tx, EntityType.RESIDENT, id)
                            .map(ResidentDto.class::cast)
                            .ifPresent(r -> out.put(id, r));
                }
            }
            return out;
        });
    }
}
