package fr.mediance.testing;

import fr.mediance.protocol.Role;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The office contract against the fake the client's tests run against. */
class FakeOfficeServerContractTest extends OfficeContract {
    private static final String PASSWORD = "mot-de-passe";
    private static FakeOfficeServer server;

    @BeforeAll
    static void startServer() {
        server = new FakeOfficeServer();
        server.addUser("u-c1", COUNSELLOR, PASSWORD, Role.COUNSELLOR);
        server.addUser("u-c2", OTHER_COUNSELLOR, PASSWORD, Role.COUNSELLOR);
        server.addUser("u-co", COORDINATOR, PASSWORD, Role.COORDINATOR);
        server.addUser("u-b", OFFICE, PASSWORD, Role.OFFICE);
        server.requireTotp(OFFICE, fr.mediance.protocol.Accounts.DEMO_TOTP_SECRET);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    protected URI baseUrl() {
        return URI.create(server.url());
    }

    @Override
    protected String password() {
        return PASSWORD;
    }
}
