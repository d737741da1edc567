package org.carehub.failures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The journey ledger: every message that enters the hub gets a journey id, and every step it takes
 * is written here, so support staff can answer "where is care line X and why".
 */
@Component
public class JourneyLedger {

    private static final int DETAIL_LIMIT = 2000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    public JourneyLedger(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    JourneyLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who and what a new journey is about. Event id and version may be null for unreadable input. */
    public record Subject(String flow, String channel, String eventId, Integer eventVersion, String eventType,
                          String clientId, String careLineId) {
    }

    /** The journey that was opened, or the one that already existed for the same event id and version. */
    public record Opening(String journeyId, boolean alreadyKnown, JourneyStatus status) {
    }

    /**
     * Opens a journey for an event. The ledger's unique key on flow + event id + version makes this the
     * idempotency check: a resent event finds the journey it already has.
     */
    public Opening open(Subject subject, JourneyStatus initialStatus) {
        String journeyId = UUID.randomUUID().toString();
        Timestamp now = now();
        try {
            jdbc.update("""
                    INSERT INTO journey (journey_id, flow, channel, event_id, event_version, event_type, client_id,
                                         care_line_id, status, received_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    journeyId, subject.flow(), subject.channel(), subject.eventId(), subject.eventVersion(),
                    subject.eventType(), subject.clientId(), subject.careLineId(), initialStatus.name(), now, now);
        } catch (DuplicateKeyException alreadyReceived) {
            return jdbc.queryForObject(
                    "SELECT journey_id, status FROM journey WHERE flow = ? AND event_id = ? AND event_version = ?",
                    (rs, i) -> new Opening(rs.getString(1), true, JourneyStatus.valueOf(rs.getString(2))),
                    subject.flow(), subject.eventId(), subject.eventVersion());
        }
        step(journeyId, "received", "OK", "via " + subject.channel());
        return new Opening(journeyId, false, initialStatus);
    }

    public void step(String journeyId, String step, String outcome, String detail) {
        jdbc.update("INSERT INTO journey_step (journey_id, at, step, outcome, detail) VALUES (?, ?, ?, ?, ?)",
                journeyId, now(), step, outcome, truncate(detail));
    }

    public void status(String journeyId, JourneyStatus status) {
        jdbc.update("UPDATE journey SET status = ?, updated_at = ? WHERE journey_id = ?", status.name(), now(), journeyId);
    }

    /**
     * Moves the journey on only if it is still where the caller left it: the broker may already have
     * handed the message to a consumer that delivered or parked it, which must not be overwritten.
     */
    public boolean statusIf(String journeyId, JourneyStatus expected, JourneyStatus next) {
        return jdbc.update("UPDATE journey SET status = ?, updated_at = ? WHERE journey_id = ? AND status = ?",
                next.name(), now(), journeyId, expected.name()) == 1;
    }

    /** Marks the journey parked with its reason and owner team, and records the step. */
    public void parked(String journeyId, String reasonCode, String ownerTeam, String explanation) {
        jdbc.update("UPDATE journey SET status = ?, reason_code = ?, owner_team = ?, updated_at = ? WHERE journey_id = ?",
                JourneyStatus.PARKED.name(), reasonCode, ownerTeam, now(), journeyId);
        step(journeyId, "parked", reasonCode, explanation);
    }

    /** How many times the journey has taken the step (e.g. how many runs passed the checks). */
    public int stepCount(String journeyId, String step) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journey_step WHERE journey_id = ? AND step = ?", Integer.class,
                journeyId, step);
    }

    public Optional<JourneyStatus> statusOf(String journeyId) {
        return jdbc.query("SELECT status FROM journey WHERE journey_id = ?",
                (rs, i) -> JourneyStatus.valueOf(rs.getString(1)), journeyId).stream().findFirst();
    }

    public Optional<Journey> find(String journeyId) {
        return jdbc.query("SELECT * FROM journey WHERE journey_id = ?", (rs, i) -> journey(rs), journeyId)
                .stream().findFirst();
    }

    /** Journeys about a client and/or a care line, newest first. */
    public List<Journey> search(String clientId, String careLineId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM journey WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (clientId != null && !clientId.isBlank()) {
            sql.append(" AND client_id = ?");
            args.add(clientId);
        }
        if (careLineId != null && !careLineId.isBlank()) {
            sql.append(" AND care_line_id = ?");
            args.add(careLineId);
        }
        sql.append(" ORDER BY received_at DESC, journey_id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> journey(rs), args.toArray());
    }

    private Journey journey(ResultSet rs) throws SQLException {
        String id = rs.getString("journey_id");
        int version = rs.getInt("event_version");
        Integer eventVersion = rs.wasNull() ? null : version;
        List<Journey.Step> steps = jdbc.query(
                "SELECT at, step, outcome, detail FROM journey_step WHERE journey_id = ? ORDER BY step_id",
                (s, i) -> new Journey.Step(time(s.getTimestamp(1)), s.getString(2), s.getString(3), s.getString(4)), id);
        return new Journey(id, rs.getString("flow"), rs.getString("channel"), rs.getString("event_id"), eventVersion,
                rs.getString("event_type"), rs.getString("client_id"), rs.getString("care_line_id"),
                JourneyStatus.valueOf(rs.getString("status")), rs.getString("reason_code"), rs.getString("owner_team"),
                time(rs.getTimestamp("received_at")), time(rs.getTimestamp("updated_at")), steps);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static OffsetDateTime time(Timestamp ts) {
        return ts == null ? null : ts.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= DETAIL_LIMIT ? detail : detail.substring(0, DETAIL_LIMIT - 1) + "…";
    }
}
