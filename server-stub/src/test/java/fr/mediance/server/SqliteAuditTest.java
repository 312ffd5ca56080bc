package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.server.audit.AuditStore;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** The audit log on SQLite, the default database: a file of its own beside the data, owner-only. */
class SqliteAuditTest extends AuditContract {
    @Override
    TestServer demoServer(java.nio.file.Path dir) {
        return TestServer.demoCopy(dir);
    }

    @Test
    void theJournalIsAFileOfItsOwnReadableByTheServersAccountOnly() throws Exception {
        var file = dir.resolve(AuditStore.FILE_NAME);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        // the data's database holds only the outbox a push's events pass through
        assertThat(server.count(
                        "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'audit%' AND name <> 'audit_outbox'"))
                .isZero();
    }
}
