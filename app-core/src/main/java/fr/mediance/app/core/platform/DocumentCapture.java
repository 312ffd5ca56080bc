package fr.mediance.app.core.platform;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Takes a photo of a document: the camera on a tablet, a file chooser on a desktop. */
public interface DocumentCapture {
    /** Completes with the image, or empty if the user cancelled. Never completes on the caller's stack. */
    CompletableFuture<Optional<CapturedImage>> capture();
}
