package org.carehub.cluster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The leases in the database (table cluster_lease, V12): one row per namespace, taken by one hub at a time.
 * A conditional UPDATE takes or renews a lease, so two hubs racing for a lapsed lease cannot both win:
 * the database re-checks the condition on the row it locks.
 */
public class LeaseTable {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LeaseTable(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes the namespace's lease for the holder, or renews it if the holder has it; true if the holder now leads. */
    public boolean takeOrRenew(String namespace, String holder, Duration expiry) {
        Instant now = clock.instant();
        OffsetDateTime until = utc(now.plus(expiry));
        int updated = jdbc.update("UPDATE cluster_lease SET holder = ?, expires_at = ? WHERE namespace = ? AND (holder = ? OR expires_at <= ?)",
                holder, until, namespace, holder, utc(now));
        if (updated == 1) {
            return true;
        }
        try {
            // The namespace's first lease; a hub that lost the race to insert it is simply not the leader.
            return jdbc.update("INSERT INTO cluster_lease (namespace, holder, expires_at) SELECT ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM cluster_lease WHERE namespace = ?)", namespace, holder, until, namespace) == 1;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    /** Lets the lease lapse now, so another hub takes it at its next renewal instead of waiting for the expiry. */
    public void release(String namespace, String holder) {
        jdbc.update("UPDATE cluster_lease SET expires_at = ? WHERE namespace = ? AND holder = ?", utc(clock.instant()), namespace, holder);
    }

    /** Every lease, by namespace, lapsed ones too. */
    public List<Lease> leases() {
        return jdbc.query("SELECT namespace, holder, expires_at FROM cluster_lease ORDER BY namespace", this::lease);
    }

    private Lease lease(ResultSet row, int rowNum) throws SQLException {
        return new Lease(row.getString("namespace"), row.getString("holder"),
                row.getObject("expires_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
