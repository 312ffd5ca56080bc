package fr.mediance.app.core;

import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The requests an online-only screen (accounts, phone calendar links) makes to the office server: in the background,
 * the screen's {@code busy} set while one runs, its {@code error} cleared, then set to the server's French refusal,
 * to « sign in first » when there is no session, or to « the server could not answer » when the request failed.
 */
public final class ServerRequests {
    private final Supplier<Optional<RemoteClient>> remote;
    private final BackgroundWork work;
    private final ReadOnlyBooleanWrapper busy;
    private final ReadOnlyStringWrapper error;
    private final String signInFirst;
    private final String failed;

    public ServerRequests(
            Supplier<Optional<RemoteClient>> remote,
            BackgroundWork work,
            ReadOnlyBooleanWrapper busy,
            ReadOnlyStringWrapper error,
            String signInFirst,
            String failed) {
        this.remote = remote;
        this.work = work;
        this.busy = busy;
        this.error = error;
        this.signInFirst = signInFirst;
        this.failed = failed;
    }

    /** Sends {@code request} ({@code what} names it in the log); {@code onOk} receives the answer on the FX thread. */
    public <T> void call(String what, Function<RemoteClient, RemoteResult<T>> request, Consumer<T> onOk) {
        Optional<RemoteClient> client = remote.get();
        if (client.isEmpty()) {
            error.set(signInFirst);
            return;
        }
        busy.set(true);
        error.set("");
        work.supply(
                what,
                () -> request.apply(client.get()),
                r -> {
                    busy.set(false);
                    if (r instanceof RemoteResult.Ok<T> ok) {
                        onOk.accept(ok.value());
                    } else {
                        error.set(r.userMessage());
                    }
                },
                e -> {
                    busy.set(false);
                    error.set(failed);
                });
    }
}
