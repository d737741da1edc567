package org.carehub.deaths;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.carehub.deaths.Overpayments.RecoveryList;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The date-of-death feed's results: notifications and their outcomes, and the overpayment recovery list. */
@RestController
@Tag(name = "Date of death", description = "The date-of-death feed: notifications matched, and overpayments to recover")
public class DeathsController {

    private static final int MAX_LISTED = 500;

    private final DeathRecords records;
    private final Overpayments overpayments;

    public DeathsController(DeathRecords records, Overpayments overpayments) {
        this.records = records;
        this.overpayments = overpayments;
    }

    /** How many notifications ended each way, and the latest ones (of one outcome if asked). */
    public record NotificationsView(Map<NotificationOutcome, Long> counts, List<DeathRecords.Recorded> latest) {
    }

    @GetMapping("/api/deaths/notifications")
    @Operation(summary = "Death notifications by outcome: NOT_MATCHED, TO_CONFIRM, AWAITING_LAS, APPLIED (latest 500)")
    public NotificationsView notifications(@RequestParam(required = false) NotificationOutcome outcome) {
        return new NotificationsView(records.counts(), records.list(outcome, MAX_LISTED));
    }

    @GetMapping("/api/deaths/overpayments")
    @Operation(summary = "What finance paid providers for days after a date of death, per actual, with the total to recover")
    public RecoveryList overpayments(@RequestParam(required = false) String clientId) {
        return overpayments.list(clientId);
    }

    @GetMapping(value = "/api/deaths/overpayments.csv", produces = "text/csv")
    @Operation(summary = "The overpayment recovery list as CSV (cells a spreadsheet would run as formulas neutralised)")
    public ResponseEntity<String> overpaymentsCsv(@RequestParam(required = false) String clientId) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"carehub-overpayments-after-death.csv\"")
                .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                .body(Overpayments.csv(overpayments.list(clientId)));
    }
}
