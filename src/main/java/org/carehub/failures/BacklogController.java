package org.carehub.failures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The backlog of parked messages over REST: JSON, a CSV for spreadsheets, and the owner teams' digest on demand. */
@RestController
@Tag(name = "Backlog", description = "How many messages are parked, why, for how long and whose move it is")
public class BacklogController {

    private final Backlog backlog;
    private final BacklogDigest digest;
    private final BacklogProperties properties;

    public BacklogController(Backlog backlog, BacklogDigest digest, BacklogProperties properties) {
        this.backlog = backlog;
        this.digest = digest;
        this.properties = properties;
    }

    @GetMapping("/api/backlog")
    @Operation(summary = "Counts by reason × owner team × age bucket, and the longest-waiting items",
            description = "Age buckets by the day the message first failed, in the council's calendar: TODAY (since "
                    + "local midnight), UNDER_7_DAYS (1-6 days ago), UNDER_30_DAYS (7-29), OLDER (30 and more).")
    public BacklogView view() {
        return backlog.view();
    }

    @GetMapping(value = "/api/backlog.csv", produces = "text/csv")
    @Operation(summary = "The backlog as CSV: a 'count' row per reason × owner team × age bucket, then an 'oldest' "
            + "row per longest-waiting item",
            description = "Cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage "
                    + "return) are prefixed with a single quote.")
    public ResponseEntity<String> csv() {
        BacklogView view = backlog.view();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"carehub-backlog-" + LocalDate.ofInstant(view.generatedAt(), properties.zone()) + ".csv\"")
                .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                .body(BacklogCsv.write(view, backlog::daysWaiting));
    }

    @PostMapping("/api/backlog/digest")
    @Operation(summary = "Mail each owner team with parked items its digest now (operator)",
            description = "One mail per owner team with anything parked, to its mailbox in owner-teams.csv; teams "
                    + "with nothing parked get no mail.")
    public DigestResult sendDigest() {
        return digest.sendNow();
    }
}
