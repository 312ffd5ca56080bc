package fr.mediance.app.core.session;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;

/**
 * A call to the session that carries a secret (password, PIN), made in the background while the screen is busy:
 * the secret is wiped once the call is over, whatever its end, and the outcome (or {@code failedText} when the
 * call throws) is applied to the screen on the FX executor before the answer completes.
 */
final class SecretCall {
    private SecretCall() {}

    /**
     * @param what the call, for the log ("signing in"); never a secret
     */
    static CompletableFuture<Outcome<AccountInfo>> run(
            BackgroundWork work,
            String what,
            char[] secret,
            Supplier<Outcome<AccountInfo>> call,
            BooleanProperty busy,
            Consumer<Outcome<AccountInfo>> apply,
            String failedText) {
        busy.set(true);
        CompletableFuture<Outcome<AccountInfo>> result = new CompletableFuture<>();
        work.supply(
                what,
                () -> {
                    try {
                        return call.get();
                    } finally {
                        Arrays.fill(secret, '\0');
                    }
                },
                outcome -> {
                    busy.set(false);
                    apply.accept(outcome);
                    result.complete(outcome);
                },
                e -> {
                    busy.set(false);
                    Outcome<AccountInfo> failed = Outcome.failed(failedText);
                    apply.accept(failed);
                    result.complete(failed);
                });
        return result;
    }
}
