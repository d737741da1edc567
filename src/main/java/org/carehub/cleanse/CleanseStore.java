package org.carehub.cleanse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.carehub.SqlArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The cleanse tables (V13): cleanses, their lines' outcomes, failures and finance batches. Batched writes throughout. */
@Repository
public class CleanseStore {

    static final String DRY_RUN = "DRY_RUN";
    static final String APPLY = "APPLY";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public CleanseStore(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Runs the work in one transaction (with the case store's writes, which use the same data source). */
    public void inTransaction(Runnable work) {
        transactions.executeWithoutResult(tx -> work.run());
    }

    long create(String fileName, String checksum, long sizeBytes, String uploadedBy, CleanseStatus status,
                String reasonCode, String explanation) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        OffsetDateTime now = now();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO cleanse (file_name, checksum, size_bytes,"
                    + " uploaded_by, uploaded_at, status, reason_code, explanation, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"cleanse_id"});
            Object[] values = {fileName, checksum, sizeBytes, uploadedBy, now, status.name(), reasonCode, explanation, now};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            return insert;
        }, keys);
        return keys.getKey().longValue();
    }

    public Optional<CleanseRecord> find(long cleanseId) {
        return jdbc.query("SELECT * FROM cleanse WHERE cleanse_id = ?", this::record, cleanseId).stream().findFirst();
    }

    public List<CleanseRecord> all() {
        return jdbc.query("SELECT * FROM cleanse ORDER BY cleanse_id DESC", this::record);
    }

    /** Cleanses a hub should run now, oldest first (each still needs its lease). */
    List<Long> runnable() {
        return jdbc.queryForList("SELECT cleanse_id FROM cleanse WHERE status IN (?, ?) ORDER BY cleanse_id", Long.class,
                CleanseStatus.DRY_RUN_REQUESTED.name(), CleanseStatus.APPLY_REQUESTED.name());
    }

    /** A dry run (re)starts from the top: it has no effect outside these tables, so nothing of a stopped one is kept. */
    void startDryRun(long cleanseId) {
        inTransaction(() -> {
            jdbc.update("DELETE FROM cleanse_failure WHERE cleanse_id = ?", cleanseId);
            jdbc.update("DELETE FROM cleanse_line WHERE cleanse_id = ?", cleanseId);
            jdbc.update("UPDATE cleanse SET lines_total = NULL, would_change = 0, fails = 0, lines_done = 0, bytes_read = 0,"
                    + " run_started_at = ?, run_started_done = 0, last_error = NULL, updated_at = ? WHERE cleanse_id = ?",
                    now(), now(), cleanseId);
        });
    }

    /** An apply (re)starts where the last finished batch left it. */
    void startApplyRun(long cleanseId) {
        jdbc.update("UPDATE cleanse SET run_started_at = ?, run_started_done = lines_done, updated_at = ? WHERE cleanse_id = ?",
                now(), now(), cleanseId);
    }

    /** CPLI ids among these already given earlier in the cleanse's file. */
    Set<String> alreadyInFile(long cleanseId, Collection<String> cpliIds) {
        if (cpliIds.isEmpty()) {
            return Set.of();
        }
        // By CPLI id alone, the cleanse picked out here: with a cleanse_id condition H2 may keep a plan made while the
        // table was empty (the primary key's cleanse_id prefix) and read every line of the cleanse for each batch.
        Set<String> found = new HashSet<>();
        jdbc.query("SELECT cleanse_id, cpli_id FROM cleanse_line WHERE cpli_id = ANY(?)", SqlArrays.parameters(cpliIds),
                (RowCallbackHandler) rs -> {
                    if (rs.getLong(1) == cleanseId) {
                        found.add(rs.getString(2));
                    }
                });
        return found;
    }

    /** One chunk of the dry run: its lines, their failures and the counts, together. */
    void recordDryRunChunk(long cleanseId, List<LineOutcome> lines, long bytesRead) {
        long fails = lines.stream().filter(l -> l.failure() != null).count();
        inTransaction(() -> {
            jdbc.batchUpdate("INSERT INTO cleanse_line (cleanse_id, first_row, cpli_id, outcome, reason_code, owner_team)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", lines.stream().map(l -> new Object[] {cleanseId, l.firstRow(), l.cpliId(),
                    l.outcome().name(), reasonOf(l), ownerOf(l)}).toList());
            insertFailures(cleanseId, DRY_RUN, lines);
            jdbc.update("UPDATE cleanse SET would_change = would_change + ?, fails = fails + ?, lines_done = lines_done + ?,"
                    + " bytes_read = ?, updated_at = ? WHERE cleanse_id = ?", lines.size() - fails, fails, lines.size(),
                    bytesRead, now(), cleanseId);
        });
    }

    void dryRunDone(long cleanseId) {
        jdbc.update("UPDATE cleanse SET status = ?, lines_total = lines_done, bytes_read = size_bytes, updated_at = ?"
                + " WHERE cleanse_id = ?", CleanseStatus.DRY_RUN_DONE.name(), now(), cleanseId);
    }

    /** The file cannot be read (further): the cleanse stops with the reason. */
    void failed(long cleanseId, String reasonCode, String explanation) {
        jdbc.update("UPDATE cleanse SET status = ?, reason_code = ?, explanation = ?, updated_at = ? WHERE cleanse_id = ?",
                CleanseStatus.FAILED.name(), reasonCode, explanation, now(), cleanseId);
    }

    /** A run stopped on something that may pass (finance down): kept to show, and tried again at the next poll. */
    void lastError(long cleanseId, String error) {
        jdbc.update("UPDATE cleanse SET last_error = ?, updated_at = ? WHERE cleanse_id = ?",
                error.length() > 1000 ? error.substring(0, 1000) : error, now(), cleanseId);
    }

    /** Moves a dry-run cleanse to apply; false if it is not (or no longer) waiting for that. */
    boolean requestApply(long cleanseId, String by) {
        return jdbc.update("UPDATE cleanse SET status = ?, apply_requested_by = ?, lines_done = 0, run_started_at = NULL,"
                + " run_started_done = 0, last_error = NULL, updated_at = ? WHERE cleanse_id = ? AND status = ?",
                CleanseStatus.APPLY_REQUESTED.name(), by, now(), cleanseId, CleanseStatus.DRY_RUN_DONE.name()) == 1;
    }

    /** The dry run's outcome of the lines whose first row is in the range: first row → would change. */
    Map<Long, Boolean> dryRunOutcomes(long cleanseId, long fromRow, long toRow) {
        Map<Long, Boolean> outcomes = new HashMap<>();
        jdbc.query("SELECT first_row, outcome FROM cleanse_line WHERE cleanse_id = ? AND first_row BETWEEN ? AND ?",
                (ResultSet rs) -> {
                    outcomes.put(rs.getLong(1), LineOutcome.Outcome.WOULD_CHANGE.name().equals(rs.getString(2)));
                }, cleanseId, fromRow, toRow);
        return outcomes;
    }

    /** The batch numbers used so far: finished ones and the one sent when a hub stopped, if any. */
    int lastDoneBatch(long cleanseId) {
        Integer last = jdbc.queryForObject("SELECT MAX(batch_no) FROM cleanse_batch WHERE cleanse_id = ? AND status = 'DONE'",
                Integer.class, cleanseId);
        return last == null ? 0 : last;
    }

    /** Notes a batch as sent before finance is called (kept as it is if a stopped hub had already noted it). */
    void batchSent(long cleanseId, int batchNo, long firstRow, long lastRow, int lineCount) {
        jdbc.update("DELETE FROM cleanse_batch WHERE cleanse_id = ? AND batch_no = ? AND status = 'SENT'", cleanseId, batchNo);
        jdbc.update("INSERT INTO cleanse_batch (cleanse_id, batch_no, first_row, last_row, line_count, status, sent_at)"
                + " VALUES (?, ?, ?, ?, ?, 'SENT', ?)", cleanseId, batchNo, firstRow, lastRow, lineCount, now());
    }

    /**
     * Settles the care lines of rows up to {@code throughRow}: their outcomes, failures, the batch (if one was sent) and
     * the counts ({@code passedBy}: lines the dry run failed, passed by), with {@code alsoInTransaction} (the case store's new versions) in one transaction.
     */
    void settle(long cleanseId, Integer batchNo, List<LineOutcome> lines, long passedBy, long throughRow,
                Runnable alsoInTransaction) {
        long applied = count(lines, LineOutcome.Outcome.APPLIED);
        long rejected = count(lines, LineOutcome.Outcome.REJECTED_BY_FINANCE);
        inTransaction(() -> {
            alsoInTransaction.run();
            jdbc.batchUpdate("UPDATE cleanse_line SET outcome = ?, reason_code = ?, owner_team = ?, batch_no = ?"
                    + " WHERE cleanse_id = ? AND first_row = ?", lines.stream().map(l -> new Object[] {l.outcome().name(),
                    reasonOf(l), ownerOf(l), l.batchNo(), cleanseId, l.firstRow()}).toList());
            insertFailures(cleanseId, APPLY, lines);
            if (batchNo != null) {
                jdbc.update("UPDATE cleanse_batch SET status = 'DONE', done_at = ?, accepted = ?, rejected = ? WHERE cleanse_id = ?"
                        + " AND batch_no = ?", now(), applied, rejected, cleanseId, batchNo);
            }
            jdbc.update("UPDATE cleanse SET applied_through_row = ?, applied = applied + ?, rejected_by_finance ="
                    + " rejected_by_finance + ?, lines_done = lines_done + ?, updated_at = ? WHERE cleanse_id = ?",
                    throughRow, applied, rejected, lines.size() + passedBy, now(), cleanseId);
        });
    }

    void applied(long cleanseId) {
        jdbc.update("UPDATE cleanse SET status = ?, updated_at = ? WHERE cleanse_id = ?", CleanseStatus.APPLIED.name(),
                now(), cleanseId);
    }

    /** Lines of a cleanse with one outcome, owner team (null for none) and reason. */
    record OutcomeCount(String outcome, String ownerTeam, String reasonCode, long lines) {
    }

    /** Lines by outcome, owner team and reason: the summary's counts. */
    List<OutcomeCount> countOutcomes(long cleanseId) {
        return jdbc.query("SELECT outcome, owner_team, reason_code, COUNT(*) FROM cleanse_line WHERE cleanse_id = ?"
                + " GROUP BY outcome, owner_team, reason_code", (rs, n) -> new OutcomeCount(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getLong(4)), cleanseId);
    }

    private void insertFailures(long cleanseId, String phase, List<LineOutcome> lines) {
        List<Object[]> rows = new ArrayList<>();
        for (LineOutcome l : lines) {
            LineOutcome.Failure f = l.failure();
            if (f != null) {
                rows.add(new Object[] {cleanseId, l.firstRow(), phase, f.reasonCode(), cut(f.field(), 200), cut(f.value(), 500),
                        cut(f.explanation(), 1000), cut(f.fix(), 1000), f.ownerTeam()});
            }
        }
        jdbc.batchUpdate("INSERT INTO cleanse_failure (cleanse_id, first_row, phase, reason_code, field, field_value,"
                + " explanation, fix, owner_team) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private static long count(List<LineOutcome> lines, LineOutcome.Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).count();
    }

    private static String reasonOf(LineOutcome line) {
        return line.failure() == null ? null : line.failure().reasonCode();
    }

    private static String ownerOf(LineOutcome line) {
        return line.failure() == null ? null : line.failure().ownerTeam();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }



    private CleanseRecord record(ResultSet rs, int row) throws SQLException {
        return new CleanseRecord(rs.getLong("cleanse_id"), rs.getString("file_name"), rs.getString("checksum"),
                rs.getLong("size_bytes"), rs.getLong("bytes_read"), rs.getString("uploaded_by"), instant(rs, "uploaded_at"),
                CleanseStatus.valueOf(rs.getString("status")), rs.getString("reason_code"), rs.getString("explanation"),
                rs.getObject("lines_total", Long.class), rs.getLong("would_change"), rs.getLong("fails"),
                rs.getLong("lines_done"), instant(rs, "run_started_at"), rs.getLong("run_started_done"),
                rs.getLong("applied_through_row"), rs.getLong("applied"), rs.getLong("rejected_by_finance"),
                rs.getString("apply_requested_by"), rs.getString("last_error"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
