package fr.mediance.app.core.platform;

import java.nio.file.Path;

/** Where the app may keep its private files (never a shared gallery or a public folder). */
public interface AppDirectories {
    /** The private data directory of this installation: account file, encrypted database, encrypted photos. */
    Path dataDirectory();
}
