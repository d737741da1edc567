package org.carehub.schedules;

import java.time.LocalDate;

/**
 * A piece of periodic work (a month's NHS claims, a payment run, the week's date-of-death feed).
 * Each job is a bean; a route's cron calls {@link ScheduledRuns#runDue(String)} with its name, and an
 * operator may re-run any period. A job must be safe to run again for the same period: it counts
 * nothing twice (each job's tests prove it for that job).
 */
public interface ScheduledJob {

    /** The job's name in routes, the run history and the REST API, e.g. {@code nhs-claims}. */
    String name();

    /** The period a run started on {@code today} (council calendar) works on, e.g. last month {@code 2026-10}. */
    String periodDue(LocalDate today);

    /** Does the work for one period, counting what it did and noting each failure on the tally. */
    void run(String period, RunTally tally) throws Exception;
}
