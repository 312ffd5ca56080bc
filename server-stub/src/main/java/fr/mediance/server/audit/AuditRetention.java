package fr.mediance.server.audit;

import fr.mediance.protocol.Audit;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal is kept {@code months} months (6 to 12, CNIL délibération 2021-122; 12 by default), then purged:
 * once a day, every event that happened before the same day {@code months} months ago (Europe/Paris) is deleted.
 */
public final class AuditRetention {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final AuditStore store;
    private final Clock clock;
    private final int months;

    public AuditRetention(AuditStore store, Clock clock, int months) {
        this.store = store;
        this.clock = clock;
        this.months = checkedMonths(months);
    }

    /** The retention asked for, if it is within the allowed range; otherwise a French explanation. */
    public static int checkedMonths(int months) {
        if (months < Audit.MIN_RETENTION_MONTHS || months > Audit.MAX_RETENTION_MONTHS) {
            throw new IllegalArgumentException("la durée de conservation du journal va de " + Audit.MIN_RETENTION_MONTHS
                    + " à " + Audit.MAX_RETENTION_MONTHS + " mois (reçu " + months + ").");
        }
        return months;
    }

    public int months() {
        return months;
    }

    /** The first instant still kept. */
    public Instant cutoff() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), PARIS);
        return today.minusMonths(months).atStartOfDay(PARIS).toInstant();
    }

    /** Deletes what is past the retention; answers how many events. */
    public int purge() {
        int n = store.purgeBefore(cutoff());
        if (n > 0) {
            LOG.info("audit log purged: {} events older than {} months", n, months);
        }
        return n;
    }
}
