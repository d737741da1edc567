package org.carehub.schedules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled jobs on one hub at a time and records each run. A route's cron calls
 * {@link #runDue(String)}; every hub's cron fires, the first takes the job's lock in the database
 * (ShedLock) and the others skip, as they do when the period is already done. An operator may
 * {@link #run(String, String, String) re-run} any period: jobs count nothing twice.
 */
@Component
public class ScheduledRuns {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);
    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() { };
    private static final TypeReference<List<String>> FAILURES = new TypeReference<>() { };
    static final String SCHEDULE = "schedule";

    private final Map<String, ScheduledJob> jobs;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final SchedulesProperties properties;
    private final String hub;
    private final Clock clock;
    private final LockingTaskExecutor locks;

    @Autowired
    public ScheduledRuns(ObjectProvider<ScheduledJob> jobs, JdbcTemplate jdbc, ObjectMapper json, SchedulesProperties properties,
            @Value("${carehub.hub-name:carehub}") String hub) {
        this(jobs.orderedStream().toList(), jdbc, json, properties, hub, Clock.systemUTC());
    }

    ScheduledRuns(List<ScheduledJob> jobs, JdbcTemplate jdbc, ObjectMapper json, SchedulesProperties properties,
            String hub, Clock clock) {
        this.jobs = jobs.stream().collect(Collectors.toUnmodifiableMap(ScheduledJob::name, Function.identity()));
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.hub = hub;
        this.clock = clock;
        // Lock times come from the hubs' clocks (servers keep NTP time); ShedLock's database-time SQL does not run on H2.
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc).build()));
    }

    public SortedSet<String> jobNames() {
        return new TreeSet<>(jobs.keySet());
    }

    /** The cron's entry: the period due today, unless a run already did it. */
    public RunRecord runDue(String jobName) {
        String period = periodDue(jobName);
        Optional<RunRecord> done = history(jobName, period).stream()
                .filter(run -> run.status() == RunStatus.DONE || run.status() == RunStatus.DONE_WITH_FAILURES)
                .findFirst();
        if (done.isPresent()) {
            return skipped(jobName, period, SCHEDULE, "period " + period + " was already done by run " + done.get().runId()
                    + " on " + done.get().hub());
        }
        return run(jobName, period, SCHEDULE);
    }

    /** An operator's run of the period due today, done or not. */
    public RunRecord runDue(String jobName, String requestedBy) {
        return run(jobName, periodDue(jobName), requestedBy);
    }

    private String periodDue(String jobName) {
        return job(jobName).periodDue(LocalDate.now(clock.withZone(properties.zone())));
    }

    /** Runs the job for the period now, unless another hub is running it. */
    public RunRecord run(String jobName, String period, String requestedBy) {
        ScheduledJob job = job(jobName);
        try {
            LockingTaskExecutor.TaskResult<RunRecord> result = runLocked(job, period, requestedBy);
            Optional<String> holder = lockHolder(jobName);
            if (!result.wasExecuted() && holder.isEmpty()) {
                // Not taken, yet nobody holds it (a lock just released, a busy database): one more try before saying so.
                result = runLocked(job, period, requestedBy);
                holder = lockHolder(jobName);
            }
            return result.wasExecuted() ? result.getResult()
                    : skipped(jobName, period, requestedBy, holder.map(hub -> "another hub is running " + jobName + " now (" + hub + ")")
                            .orElse("the lock of " + jobName + " could not be taken; try again"));
        } catch (Throwable unexpected) {
            // runHoldingLock records the job's own errors; this is the lock or the database failing.
            throw new IllegalStateException("Could not run " + jobName + " for " + period + ": " + unexpected.getMessage(), unexpected);
        }
    }

    private LockingTaskExecutor.TaskResult<RunRecord> runLocked(ScheduledJob job, String period, String requestedBy)
            throws Throwable {
        LockConfiguration lock = new LockConfiguration(ClockProvider.now(), job.name(), properties.lockAtMostFor(), Duration.ZERO);
        return locks.executeWithLock(() -> runHoldingLock(job, period, requestedBy), lock);
    }

    /** Who holds the job's lock now, if anyone (ShedLock's row, still in date). */
    private Optional<String> lockHolder(String jobName) {
        return jdbc.query("SELECT locked_by FROM shedlock WHERE name = ? AND lock_until > ?",
                (row, n) -> row.getString(1), jobName, Timestamp.from(ClockProvider.now())).stream().findFirst();
    }

    /** The runs of a job, newest first; for one period, or all when {@code period} is null. */
    public List<RunRecord> history(String jobName, String period) {
        String sql = "SELECT * FROM scheduled_run WHERE job = ?" + (period == null ? "" : " AND period = ?") + " ORDER BY run_id DESC";
        Object[] args = period == null ? new Object[] {jobName} : new Object[] {jobName, period};
        return jdbc.query(sql, this::record, args);
    }

    /** The latest runs of every job, newest first. */
    public List<RunRecord> latest(int limit) {
        return jdbc.query("SELECT * FROM scheduled_run ORDER BY run_id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", this::record);
    }

    private ScheduledJob job(String jobName) {
        ScheduledJob job = jobs.get(jobName);
        if (job == null) {
            throw new UnknownJobException(jobName, jobNames());
        }
        return job;
    }

    private RunRecord runHoldingLock(ScheduledJob job, String period, String requestedBy) {
        Instant started = clock.instant();
        long runId = insertRunning(job.name(), period, requestedBy, started);
        log.info("Run {} of {} for {} started on {} ({})", runId, job.name(), period, hub, requestedBy);
        RunTally tally = new RunTally();
        RunStatus status;
        String error = null;
        try {
            job.run(period, tally);
            status = tally.failures().isEmpty() ? RunStatus.DONE : RunStatus.DONE_WITH_FAILURES;
        } catch (Exception failed) {
            status = RunStatus.FAILED;
            error = failed.getClass().getSimpleName() + ": " + failed.getMessage();
            tally.failure("run stopped: " + error);
            log.error("Run {} of {} for {} stopped", runId, job.name(), period, failed);
        }
        Instant ended = clock.instant();
        jdbc.update("UPDATE scheduled_run SET ended_at = ?, status = ?, counts = ?, failures = ? WHERE run_id = ?",
                Timestamp.from(ended), status.name(), write(tally.orderedCounts()), write(tally.failures()), runId);
        log.info("Run {} of {} for {} ended {}: {}, {} failure(s)", runId, job.name(), period, status, tally.orderedCounts(),
                tally.failures().size());
        return new RunRecord(runId, job.name(), period, hub, requestedBy, started, ended, status, tally.counts(), tally.failures(),
                error);
    }

    private long insertRunning(String job, String period, String requestedBy, Instant started) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO scheduled_run (job, period, hub, requested_by, started_at, status)
                    VALUES (?, ?, ?, ?, ?, ?)""", new String[] {"run_id"});
            insert.setString(1, job);
            insert.setString(2, period);
            insert.setString(3, hub);
            insert.setString(4, requestedBy);
            insert.setTimestamp(5, Timestamp.from(started));
            insert.setString(6, RunStatus.RUNNING.name());
            return insert;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    private RunRecord skipped(String job, String period, String requestedBy, String why) {
        log.info("{} for {} skipped on {}: {}", job, period, hub, why);
        Instant now = clock.instant();
        return new RunRecord(null, job, period, hub, requestedBy, now, now, RunStatus.SKIPPED, Map.of(), List.of(), why);
    }

    private RunRecord record(ResultSet row, int rowNumber) throws SQLException {
        Timestamp ended = row.getTimestamp("ended_at");
        return new RunRecord(row.getLong("run_id"), row.getString("job"), row.getString("period"), row.getString("hub"),
                row.getString("requested_by"), row.getTimestamp("started_at").toInstant(), ended == null ? null : ended.toInstant(),
                RunStatus.valueOf(row.getString("status")), read(row.getString("counts"), COUNTS, Map.of()),
                read(row.getString("failures"), FAILURES, List.of()), null);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private <T> T read(String text, TypeReference<T> type, T none) {
        try {
            return text == null ? none : json.readValue(text, type);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("scheduled_run holds unreadable JSON: " + text, corrupt);
        }
    }
}
