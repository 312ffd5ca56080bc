package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A device's last sync, shown in the device list, is written at most once a minute however many pages it pulls. */
class DeviceSyncTimeTest extends DemoServerCase {
    private List<Long> syncTimes() throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = server.db.dataSource().getConnection();
                PreparedStatement st =
                        c.prepareStatement("SELECT d.last_sync_at FROM devices d JOIN users u ON u.id = d.user_id "
                                + "WHERE u.username = 'conseil1' AND d.last_sync_at IS NOT NULL");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    @Test
    void pagesPulledWithinAMinuteKeepTheFirstTimeAndALaterOneMovesIt() throws Exception {
        String token = server.token("conseil1");
        assertThat(server.get(ApiPaths.SYNC_CHANGES, token).status()).isEqualTo(200);
        List<Long> first = syncTimes();
        assertThat(first).hasSize(1);

        server.clock.advance(Duration.ofSeconds(30));
        assertThat(server.get(ApiPaths.SYNC_CHANGES, token).status()).isEqualTo(200);
        assertThat(syncTimes()).isEqualTo(first);

        server.clock.advance(Duration.ofSeconds(31));
        assertThat(server.get(ApiPaths.SYNC_CHANGES, token).status()).isEqualTo(200);
        assertThat(syncTimes()).containsExactly(first.get(0) + 61_000);
    }
}
