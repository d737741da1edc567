package org.carehub.nhsclaims;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The NHS claim lines made so far, the months claimed and the schedules mailed (V7 tables). */
@Component
public class ClaimLedger {

    private final JdbcTemplate jdbc;

    public ClaimLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that claims were made for the month (once). */
    public void monthClaimed(YearMonth month) {
        // Not insert-and-catch: on PostgreSQL a failed insert would spoil the run's transaction.
        jdbc.update("INSERT INTO nhs_claim_month (service_month, first_run_at) SELECT ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM nhs_claim_month WHERE service_month = ?)", month.toString(), now(), month.toString());
    }

    /** The months claimed from {@code from} to {@code to}, oldest first. */
    public List<YearMonth> monthsClaimed(YearMonth from, YearMonth to) {
        return jdbc.queryForList("SELECT service_month FROM nhs_claim_month WHERE service_month >= ? AND service_month <= ?"
                + " ORDER BY service_month", String.class, from.toString(), to.toString()).stream().map(YearMonth::parse).toList();
    }

    /** Every line claiming for a month from {@code from} to {@code to}, whatever schedule it was on. */
    public List<ClaimLine> linesForMonths(YearMonth from, YearMonth to) {
        return jdbc.query("SELECT * FROM nhs_claim_line WHERE service_month >= ? AND service_month <= ? ORDER BY line_id",
                this::line, from.toString(), to.toString());
    }

    /** The lines of one body's schedule for a period, in the order they were made. */
    public List<ClaimLine> schedule(String claimPeriod, String nhsBody) {
        return jdbc.query("SELECT * FROM nhs_claim_line WHERE claim_period = ? AND nhs_body = ? ORDER BY line_id",
                this::line, claimPeriod, nhsBody);
    }

    /** The bodies with a schedule for the period. */
    public List<String> bodiesWithSchedule(String claimPeriod) {
        return jdbc.queryForList("SELECT DISTINCT nhs_body FROM nhs_claim_line WHERE claim_period = ? ORDER BY nhs_body",
                String.class, claimPeriod);
    }

    public void add(ClaimLine line) {
        jdbc.update("""
                INSERT INTO nhs_claim_line (claim_period, nhs_body, service_month, cpli_id, person_ref, nhs_number, client_name,
                       scheme, service_code, line_type, basis, days_active, month_cost, share_percent, share_due,
                       claimed_before, amount, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                line.claimPeriod(), line.nhsBody(), line.serviceMonth(), line.cpliId(), line.personRef(), line.nhsNumber(),
                line.clientName(), line.scheme(), line.serviceCode(), line.lineType().name(), line.basis().name(),
                line.daysActive(), line.monthCost(), line.sharePercent(), line.shareDue(), line.claimedBefore(), line.amount(),
                now());
    }

    /** How many lines of the schedule were mailed, if it was. */
    public Optional<Integer> linesSent(String claimPeriod, String nhsBody) {
        return jdbc.queryForList("SELECT lines_sent FROM nhs_claim_schedule_sent WHERE claim_period = ? AND nhs_body = ?",
                Integer.class, claimPeriod, nhsBody).stream().findFirst();
    }

    public void sent(String claimPeriod, String nhsBody, int lines) {
        if (jdbc.update("UPDATE nhs_claim_schedule_sent SET lines_sent = ?, sent_at = ? WHERE claim_period = ? AND nhs_body = ?",
                lines, now(), claimPeriod, nhsBody) == 0) {
            jdbc.update("INSERT INTO nhs_claim_schedule_sent (claim_period, nhs_body, lines_sent, sent_at) VALUES (?, ?, ?, ?)",
                    claimPeriod, nhsBody, lines, now());
        }
    }

    private ClaimLine line(ResultSet rs, int row) throws SQLException {
        return new ClaimLine(rs.getString("claim_period"), rs.getString("nhs_body"), rs.getString("service_month"),
                rs.getString("cpli_id"), rs.getString("person_ref"), rs.getString("nhs_number"), rs.getString("client_name"),
                rs.getString("scheme"), rs.getString("service_code"), ClaimLine.LineType.valueOf(rs.getString("line_type")),
                MonthCost.Basis.valueOf(rs.getString("basis")), rs.getInt("days_active"), money(rs, "month_cost"),
                rs.getBigDecimal("share_percent"), money(rs, "share_due"), money(rs, "claimed_before"), money(rs, "amount"));
    }

    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column).setScale(2);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
