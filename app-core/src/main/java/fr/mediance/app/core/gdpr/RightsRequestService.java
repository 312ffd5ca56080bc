package fr.mediance.app.core.gdpr;

import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentService;
import fr.mediance.protocol.RightsRequestDto;
import fr.mediance.protocol.RightsRequestsResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The office's register of rights requests (« Demandes RGPD »): kept on the server only (it is not synced), read
 * and written online; the residents to choose from come from the device's store.
 */
public final class RightsRequestService {
    private final Supplier<Optional<RemoteClient>> remote;
    private final ResidentService residents;

    public RightsRequestService(Supplier<Optional<RemoteClient>> remote, ResidentService residents) {
        this.remote = remote;
        this.residents = residents;
    }

    public RemoteResult<List<RightsRequestDto>> list() {
        return remote.get()
                .map(c -> c.rightsRequests().map(RightsRequestsResponse::requests))
                .orElseGet(() -> new RemoteResult.NetworkError<>("not signed in"));
    }

    public RemoteResult<RightsRequestDto> save(RightsRequestDto request, boolean isNew) {
        return remote.get()
                .map(c -> c.saveRightsRequest(request, isNew))
                .orElseGet(() -> new RemoteResult.NetworkError<>("not signed in"));
    }

    /** The residents of the device's store, by name (at most 1 000). */
    public List<Resident> residents() {
        return residents.search("", 1000);
    }
}
