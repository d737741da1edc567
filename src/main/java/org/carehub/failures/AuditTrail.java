package org.carehub.failures;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who did what to which parked message, when and why — every action, including the ones refused
 * or failed, so the desk's history can be answered without the logs. Rows are only ever added.
 */
@Component
public class AuditTrail {

    private static final int TEXT_LIMIT = 2000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    public AuditTrail(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    AuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What an action was about; the parked item may be unknown (a journey that is not parked). */
    public record Subject(String operator, String action, String journeyId, ParkedItem item, String why) {
    }

    public void record(Subject subject, String before, String after, String outcome) {
        ParkedItem item = subject.item();
        jdbc.update("""
                INSERT INTO failure_desk_audit (at, operator, action, journey_id, queue, reason_code, why,
                                                before_value, after_value, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(clock.instant()), subject.operator(), subject.action(), subject.journeyId(),
                item == null ? null : item.queue(), item == null ? null : item.reasonCode(),
                truncate(subject.why()), before, after, truncate(outcome));
    }

    /** Audit rows, newest first; journey id and operator are optional filters. */
    public List<AuditEntry> search(String journeyId, String operator, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM failure_desk_audit WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (journeyId != null && !journeyId.isBlank()) {
            sql.append(" AND journey_id = ?");
            args.add(journeyId);
        }
        if (operator != null && !operator.isBlank()) {
            sql.append(" AND operator = ?");
            args.add(operator);
        }
        sql.append(" ORDER BY audit_id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new AuditEntry(
                rs.getTimestamp("at").toInstant().atOffset(ZoneOffset.UTC), rs.getString("operator"),
                rs.getString("action"), rs.getString("journey_id"), rs.getString("queue"), rs.getString("reason_code"),
                rs.getString("why"), rs.getString("before_value"), rs.getString("after_value"),
                rs.getString("outcome")), args.toArray());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT - 1) + "…";
    }
}
