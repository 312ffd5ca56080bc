package fr.mediance.app.platform;

import com.gluonhq.attach.pictures.PicturesService;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.platform.DocumentCapture;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.image.Image;

/**
 * The camera through Attach Pictures, on Android and iOS. The photo is taken with {@code savePhoto=false}:
 * it never goes to the device's gallery; its bytes are read from the temporary file Attach hands back and
 * that file is deleted at once (the document service keeps the bytes encrypted).
 */
public final class AttachDocumentCapture implements DocumentCapture {

    private final PicturesService pictures;
    private final Executor background;

    private AttachDocumentCapture(PicturesService pictures, Executor background) {
        this.pictures = pictures;
        this.background = background;
    }

    /** The camera capture, or empty where Attach has no Pictures service (a desktop). */
    public static Optional<DocumentCapture> create(Executor background) {
        return PicturesService.create().map(p -> new AttachDocumentCapture(p, background));
    }

    @Override
    public CompletableFuture<Optional<CapturedImage>> capture() {
        CompletableFuture<Optional<CapturedImage>> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            ChangeListener<Image> listener = new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Image> obs, Image old, Image image) {
                    pictures.imageProperty().removeListener(this);
                    Optional<File> file = pictures.getImageFile();
                    background.execute(() -> result.complete(file.flatMap(AttachDocumentCapture::read)));
                }
            };
            pictures.imageProperty().addListener(listener);
            pictures.asyncTakePhoto(false);
        });
        return result;
    }

    private static Optional<CapturedImage> read(File file) {
        try {
            byte[] bytes = Files.readAllBytes(file.toPath());
            Files.deleteIfExists(file.toPath());
            return Optional.of(new CapturedImage(bytes, ImageFiles.mimeType(file.getName()), null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the photo", e);
        }
    }
}
