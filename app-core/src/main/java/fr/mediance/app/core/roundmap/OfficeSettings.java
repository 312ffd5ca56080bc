package fr.mediance.app.core.roundmap;

import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.protocol.PlanningSettingsDto;
import java.util.Optional;
import java.util.function.Supplier;

/** The office's point and travel settings of the rounds, asked of the office server (empty offline or unknown). */
public final class OfficeSettings {
    private OfficeSettings() {}

    /** Asks the server each time it is called (the map asks once per screen); blocks: call off the FX thread. */
    public static Supplier<Optional<PlanningSettingsDto>> fromServer(Supplier<Optional<RemoteClient>> remote) {
        return () -> remote.get()
                .map(RemoteClient::planningSettings)
                .flatMap(r -> r instanceof RemoteResult.Ok<PlanningSettingsDto> ok
                        ? Optional.ofNullable(ok.value())
                        : Optional.empty());
    }
}
