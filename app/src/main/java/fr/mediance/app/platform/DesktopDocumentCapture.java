package fr.mediance.app.platform;

import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.platform.DocumentCapture;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** On a desktop, where there is no camera service: a file chooser for JPEG and PNG images (a scan, a photo). */
public final class DesktopDocumentCapture implements DocumentCapture {

    private final Supplier<Window> owner;
    private final Executor background;
    private final String title;
    private final String filterLabel;

    public DesktopDocumentCapture(Supplier<Window> owner, Executor background, String title, String filterLabel) {
        this.owner = owner;
        this.background = background;
        this.title = title;
        this.filterLabel = filterLabel;
    }

    @Override
    public CompletableFuture<Optional<CapturedImage>> capture() {
        CompletableFuture<Optional<CapturedImage>> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter(
                            filterLabel, "*.jpg", "*.jpeg", "*.png", "*.JPG", "*.JPEG", "*.PNG"));
            File file = chooser.showOpenDialog(owner.get());
            if (file == null) {
                background.execute(() -> result.complete(Optional.empty()));
                return;
            }
            background.execute(() -> {
                try {
                    byte[] bytes = Files.readAllBytes(file.toPath());
                    result.complete(
                            Optional.of(new CapturedImage(bytes, ImageFiles.mimeType(file.getName()), file.getName())));
                } catch (IOException e) {
                    result.completeExceptionally(new UncheckedIOException(e));
                }
            });
        });
        return result;
    }
}
