package org.carehub.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.carehub.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

class ScheduledRunsTest {

    private static final Clock FIFTH_OF_NOVEMBER = Clock.fixed(Instant.parse("2026-11-05T06:00:00Z"), ZoneId.of("UTC"));
    private static final SchedulesProperties LONDON = new SchedulesProperties(ZoneId.of("Europe/London"), Duration.ofMinutes(5));

    /** A job for last month that counts each care line it is given and fails on the ones named "bad". */
    static final class MonthlyJob implements ScheduledJob {
        volatile List<String> careLines = List.of("CL-1", "CL-2");
        volatile CountDownLatch started = new CountDownLatch(1);
        volatile CountDownLatch mayFinish = new CountDownLatch(0);

        @Override
        public String name() {
            return "monthly-test";
        }

        @Override
        public String periodDue(LocalDate today) {
            return today.minusMonths(1).toString().substring(0, 7);
        }

        @Override
        public void run(String period, RunTally tally) throws Exception {
            started.countDown();
            mayFinish.await(30, TimeUnit.SECONDS);
            for (String careLine : careLines) {
                if (careLine.equals("broken")) {
                    throw new IllegalStateException("finance refused the whole month");
                }
                if (careLine.startsWith("bad")) {
                    tally.failure(careLine + " has no NHS number");
                } else {
                    tally.count("care lines");
                }
            }
        }
    }

    private static ScheduledRuns hub(JdbcTemplate jdbc, MonthlyJob job, String name) {
        return new ScheduledRuns(List.of(job), jdbc, new ObjectMapper().findAndRegisterModules(), LONDON, name, FIFTH_OF_NOVEMBER);
    }

    @ParameterizedTest
    @MethodSource("org.carehub.TestDatabases#both")
    void aScheduledRunDoesThePeriodDueAndIsRecordedWithItsCounts(TestDatabases.Database database) {
        MonthlyJob job = new MonthlyJob();
        ScheduledRuns runs = hub(new JdbcTemplate(database.dataSource()), job, "hub-a");

        RunRecord run = runs.runDue("monthly-test");

        assertThat(run.status()).isEqualTo(RunStatus.DONE);
        assertThat(run.period()).isEqualTo("2026-10");
        assertThat(run.counts()).containsEntry("care lines", 2L);
        assertThat(runs.history("monthly-test", "2026-10")).singleElement().satisfies(recorded -> {
            assertThat(recorded.runId()).isEqualTo(run.runId());
            assertThat(recorded.status()).isEqualTo(RunStatus.DONE);
            assertThat(recorded.hub()).isEqualTo("hub-a");
            assertThat(recorded.requestedBy()).isEqualTo("schedule");
            assertThat(recorded.counts()).containsEntry("care lines", 2L);
            assertThat(recorded.endedAt()).isNotNull();
        });
    }

    @ParameterizedTest
    @MethodSource("org.carehub.TestDatabases#both")
    void theScheduleSkipsAPeriodAlreadyDoneButAnOperatorMayRunItAgain(TestDatabases.Database database) {
        MonthlyJob job = new MonthlyJob();
        ScheduledRuns runs = hub(new JdbcTemplate(database.dataSource()), job, "hub-a");
        RunRecord first = runs.runDue("monthly-test");

        RunRecord again = runs.runDue("monthly-test");
        RunRecord rerun = runs.run("monthly-test", "2026-10", "operator");

        assertThat(again.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(again.note()).contains("already done by run " + first.runId());
        assertThat(rerun.status()).isEqualTo(RunStatus.DONE);
        assertThat(runs.history("monthly-test", "2026-10")).extracting(RunRecord::requestedBy).containsExactly("operator", "schedule");
    }

    @ParameterizedTest
    @MethodSource("org.carehub.TestDatabases#both")
    void whileOneHubRunsAJobTheOtherSkipsIt(TestDatabases.Database database) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        MonthlyJob job = new MonthlyJob();
        job.mayFinish = new CountDownLatch(1);
        ScheduledRuns hubA = hub(jdbc, job, "hub-a");
        ScheduledRuns hubB = hub(jdbc, job, "hub-b");

        CompletableFuture<RunRecord> onA = CompletableFuture.supplyAsync(() -> hubA.runDue("monthly-test"));
        assertThat(job.started.await(30, TimeUnit.SECONDS)).isTrue();
        RunRecord onB = hubB.runDue("monthly-test");
        job.mayFinish.countDown();

        assertThat(onB.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(onB.note()).contains("another hub is running monthly-test");
        assertThat(onA.get(30, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.DONE);
        assertThat(hubB.history("monthly-test", null)).singleElement().extracting(RunRecord::hub).isEqualTo("hub-a");
    }

    @ParameterizedTest
    @MethodSource("org.carehub.TestDatabases#both")
    void failuresAreRecordedAndAStoppedRunReleasesItsLock(TestDatabases.Database database) {
        MonthlyJob job = new MonthlyJob();
        ScheduledRuns runs = hub(new JdbcTemplate(database.dataSource()), job, "hub-a");

        job.careLines = List.of("CL-1", "bad-2");
        RunRecord partly = runs.run("monthly-test", "2026-09", "operator");
        job.careLines = List.of("broken");
        RunRecord stopped = runs.run("monthly-test", "2026-10", "operator");
        job.careLines = List.of("CL-1");
        RunRecord afterwards = runs.runDue("monthly-test");

        assertThat(partly.status()).isEqualTo(RunStatus.DONE_WITH_FAILURES);
        assertThat(runs.history("monthly-test", "2026-09")).singleElement()
                .satisfies(run -> assertThat(run.failures()).containsExactly("bad-2 has no NHS number"));
        assertThat(stopped.status()).isEqualTo(RunStatus.FAILED);
        assertThat(runs.history("monthly-test", "2026-10").get(1).failures())
                .containsExactly("run stopped: IllegalStateException: finance refused the whole month");
        assertThat(afterwards.status()).as("a failed period is due again, and its lock was released").isEqualTo(RunStatus.DONE);
    }

    @ParameterizedTest
    @MethodSource("org.carehub.TestDatabases#both")
    void anUnknownJobIsNamedWithTheJobsThereAre(TestDatabases.Database database) {
        ScheduledRuns runs = hub(new JdbcTemplate(database.dataSource()), new MonthlyJob(), "hub-a");

        assertThatThrownBy(() -> runs.run("nhs-clams", "2026-10", "operator"))
                .isInstanceOf(UnknownJobException.class)
                .hasMessage("No scheduled job called 'nhs-clams'; the jobs are [monthly-test]");
    }
}
