package org.carehub.deaths;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The death notifications the feed brought and what became of each (table death_notification). */
@Component
public class DeathRecords {

    private final JdbcTemplate jdbc;

    public DeathRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a notification taken from the feed, unless already recorded (the same key sent again). */
    void received(DeathNotification n, String journeyId) {
        Timestamp now = Timestamp.from(Instant.now());
        try {
            jdbc.update("""
                    INSERT INTO death_notification (notification_key, journey_id, feed_file, feed_line, nhs_number, forename,
                           surname, date_of_birth, date_of_death, outcome, received_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    n.key(), journeyId, n.feedFile(), n.feedLine(), n.nhsNumber(), n.forename(), n.surname(),
                    Date.valueOf(n.dateOfBirth()), Date.valueOf(n.dateOfDeath()), NotificationOutcome.RECEIVED.name(), now, now);
        } catch (DuplicateKeyException alreadyRecorded) {
            // taken before and not sent on (the broker refused): the row stands, the notification is sent again
        }
    }

    void outcome(String key, NotificationOutcome outcome, String clientId) {
        jdbc.update("UPDATE death_notification SET outcome = ?, client_id = ?, updated_at = ? WHERE notification_key = ?",
                outcome.name(), clientId, Timestamp.from(Instant.now()), key);
    }

    /** Whether LAS was already given the task for this notification (it is sent once, and again only if unsent). */
    boolean lasTaskSent(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT las_task_sent_at IS NOT NULL FROM death_notification WHERE notification_key = ?", Boolean.class, key));
    }

    void lasTaskSentNow(String key) {
        jdbc.update("UPDATE death_notification SET las_task_sent_at = ? WHERE notification_key = ?",
                Timestamp.from(Instant.now()), key);
    }

    /** The journeys of a client's notifications parked until LAS records the death. */
    List<String> journeysAwaitingLas(String clientId) {
        return jdbc.queryForList("SELECT journey_id FROM death_notification WHERE client_id = ? AND outcome = ?",
                String.class, clientId, NotificationOutcome.AWAITING_LAS.name());
    }

    /** How many notifications ended each way, every outcome listed. */
    public Map<NotificationOutcome, Long> counts() {
        Map<NotificationOutcome, Long> counts = new LinkedHashMap<>();
        for (NotificationOutcome outcome : NotificationOutcome.values()) {
            counts.put(outcome, 0L);
        }
        jdbc.query("SELECT outcome, COUNT(*) FROM death_notification GROUP BY outcome",
                rs -> { counts.put(NotificationOutcome.valueOf(rs.getString(1)), rs.getLong(2)); });
        return counts;
    }

    /** A notification as recorded, for the REST list. */
    public record Recorded(String key, String journeyId, String feedFile, int feedLine, String nhsNumber, String forename,
                           String surname, LocalDate dateOfBirth, LocalDate dateOfDeath,
                           NotificationOutcome outcome, String clientId) {
    }

    public List<Recorded> list(NotificationOutcome outcome, int limit) {
        return jdbc.query("""
                SELECT * FROM death_notification WHERE (CAST(? AS VARCHAR(16)) IS NULL OR outcome = ?)
                 ORDER BY received_at DESC, notification_key LIMIT ?""",
                (rs, i) -> new Recorded(rs.getString("notification_key"), rs.getString("journey_id"), rs.getString("feed_file"),
                        rs.getInt("feed_line"), rs.getString("nhs_number"), rs.getString("forename"), rs.getString("surname"),
                        rs.getObject("date_of_birth", LocalDate.class),
                        rs.getObject("date_of_death", LocalDate.class),
                        NotificationOutcome.valueOf(rs.getString("outcome")), rs.getString("client_id")),
                outcome == null ? null : outcome.name(), outcome == null ? null : outcome.name(), limit);
    }
}
