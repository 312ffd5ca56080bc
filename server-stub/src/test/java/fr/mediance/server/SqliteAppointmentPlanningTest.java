package fr.mediance.server;

import java.nio.file.Path;

/** Appointment planning on SQLite, the default database. */
class SqliteAppointmentPlanningTest extends AppointmentPlanningContract {
    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoCopy(dir);
    }
}
