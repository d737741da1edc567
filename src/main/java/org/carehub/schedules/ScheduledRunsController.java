package org.carehub.schedules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.SortedSet;
import org.carehub.security.Operators;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Scheduled runs over REST: what ran when with what counts, and re-running a period (operator). */
@RestController
@Tag(name = "Scheduled runs", description = "NHS claims, payment files, the date-of-death feed and other periodic work")
public class ScheduledRunsController {

    private final ScheduledRuns runs;

    public ScheduledRunsController(ScheduledRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/api/runs/jobs")
    @Operation(summary = "The scheduled jobs this hub has")
    public SortedSet<String> jobs() {
        return runs.jobNames();
    }

    @GetMapping("/api/runs")
    @Operation(summary = "Recorded runs, newest first: of one job (and period) or of all jobs")
    public List<RunRecord> history(@RequestParam(required = false) String job, @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "50") int limit) {
        return job == null ? runs.latest(limit) : runs.history(job, period).stream().limit(Math.max(1, limit)).toList();
    }

    @PostMapping("/api/runs/{job}")
    @Operation(summary = "Run a job now for a period (operator); without a period, the one due today",
            description = "Safe to repeat: a job counts nothing twice for a period it has already done. Answers SKIPPED "
                    + "with the reason when another hub is running the job.")
    public RunRecord run(@PathVariable String job, @RequestParam(required = false) String period) {
        return period == null ? runs.runDue(job, Operators.current()) : runs.run(job, period, Operators.current());
    }

    @ExceptionHandler(UnknownJobException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String unknownJob(UnknownJobException unknown) {
        return unknown.getMessage();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String badPeriod(IllegalArgumentException bad) {
        return bad.getMessage();
    }
}
