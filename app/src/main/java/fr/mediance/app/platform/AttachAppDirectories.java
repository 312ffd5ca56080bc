package fr.mediance.app.platform;

import com.gluonhq.attach.storage.StorageService;
import com.gluonhq.attach.util.Platform;
import fr.mediance.app.core.platform.AppDirectories;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The private data directory: the one given on the command line if any; on Android and iOS the app's
 * private storage from Attach; on a desktop (where Attach would answer {@code ~/.gluon}) {@code ~/.mediance}.
 * Never a public or shared folder.
 */
public final class AttachAppDirectories implements AppDirectories {

    private final Path dataDirectory;

    private AttachAppDirectories(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Chooses the directory once and creates it. */
    public static AttachAppDirectories create(Optional<Path> override) {
        Path dir = override.orElseGet(AttachAppDirectories::platformDirectory);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory", e);
        }
        return new AttachAppDirectories(dir.toAbsolutePath());
    }

    private static Path platformDirectory() {
        if (!Platform.isDesktop()) {
            Optional<File> storage = StorageService.create().flatMap(StorageService::getPrivateStorage);
            if (storage.isPresent()) {
                return storage.get().toPath().resolve("mediance");
            }
        }
        return desktopDirectory();
    }

    static Path desktopDirectory() {
        return Path.of(System.getProperty("user.home"), ".mediance");
    }

    @Override
    public Path dataDirectory() {
        return dataDirectory;
    }
}
