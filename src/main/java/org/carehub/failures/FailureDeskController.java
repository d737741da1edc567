package org.carehub.failures;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The failure desk over REST: the same operations as the JMX MBean, for support staff and scripts. */
@RestController
@RequestMapping("/api/parked")
@Tag(name = "Failure desk", description = "Parked messages: list, explain, retry, edit and resubmit, discard")
public class FailureDeskController {

    private static final int MAX_PAGE_SIZE = 500;

    private final ParkedQueues parked;
    private final JourneyLedger ledger;
    private final FailureDesk desk;

    public FailureDeskController(ParkedQueues parked, JourneyLedger ledger, FailureDesk desk) {
        this.parked = parked;
        this.ledger = ledger;
        this.desk = desk;
    }

    /** One page of parked messages. */
    public record Page(int total, int page, int size, List<ParkedItem> items) {
    }

    /** One parked message in full: why it stopped, what it holds and every step of its journey so far. */
    public record Explained(ParkedItem item, String payload, Map<String, Object> headers, Journey journey) {
    }

    public record RetryOne(String why) {
    }

    public record RetrySelected(List<String> journeyIds, String why) {
    }

    public record RetryAll(String reasonCode, String ownerTeam, String flow, String why) {
    }

    public record Resubmit(String field, JsonNode value, String why) {
    }

    public record Discard(String why) {
    }

    @GetMapping
    @Operation(summary = "List parked messages, oldest failure first",
            description = "Every filter is optional; age is in whole days since the message first failed.")
    public Page list(@RequestParam(required = false) String flow,
                     @Parameter(description = "reason code, e.g. UNKNOWN_PROVIDER") @RequestParam(required = false) String reason,
                     @Parameter(description = "owner team, e.g. CARE_NAVIGATION") @RequestParam(required = false) String owner,
                     @RequestParam(required = false) String provider,
                     @RequestParam(required = false) String client,
                     @RequestParam(required = false) Integer minAgeDays,
                     @RequestParam(required = false) Integer maxAgeDays,
                     @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new DeskRequestException("page", "page starts at 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new DeskRequestException("size", "size is between 1 and " + MAX_PAGE_SIZE);
        }
        List<ParkedItem> all = parked.list(new ParkedFilter(flow, reason, owner, provider, client, minAgeDays, maxAgeDays));
        int from = (int) Math.min((long) page * size, all.size());
        return new Page(all.size(), page, size, all.subList(from, Math.min(from + size, all.size())));
    }

    @GetMapping("/{journeyId}")
    @Operation(summary = "Explain one parked message",
            description = "Reason, field, value, fix, owner team, the journey so far, every header and the payload. 404 if not parked.")
    public Explained explain(@PathVariable String journeyId) {
        ParkedMessage message = parked.find(journeyId).orElseThrow(() -> new NotParkedException(journeyId));
        return new Explained(message.item(), message.payload(), message.headers(), ledger.find(journeyId).orElse(null));
    }

    @PostMapping("/{journeyId}/retry")
    @Operation(summary = "Send one parked message back to its flow", description = "The reason (why) is optional. 404 if not parked.")
    public ResponseEntity<BulkResult> retry(@PathVariable String journeyId, @RequestBody(required = false) RetryOne body) {
        return single(desk.retry(journeyId, body == null ? null : body.why()));
    }

    @PostMapping("/retry")
    @Operation(summary = "Send the selected parked messages back to their flows",
            description = "Each moves in its own transaction; the answer counts exactly what moved, what was not parked and what failed.")
    public BulkResult retrySelected(@RequestBody(required = false) RetrySelected body) {
        return body == null ? desk.retry(List.of(), null) : desk.retry(body.journeyIds(), body.why());
    }

    @PostMapping("/retry-all")
    @Operation(summary = "Send back every parked message of a reason",
            description = "E.g. after a mapping was fixed; optionally only one owner team's or flow's.")
    public BulkResult retryAll(@RequestBody(required = false) RetryAll given) {
        RetryAll body = given == null ? new RetryAll(null, null, null, null) : given;
        return desk.retryAll(new ParkedFilter(body.flow(), body.reasonCode(), body.ownerTeam(), null, null, null, null),
                body.why());
    }

    @PostMapping("/{journeyId}/resubmit")
    @Operation(summary = "Edit one field of a parked JSON payload and send it back to its flow",
            description = "field is a JSON pointer into the payload (e.g. /careLine/providerRef) that must exist; the flow "
                    + "checks the edited message again. Before and after are kept in the audit.")
    public FailureDesk.Resubmitted resubmit(@PathVariable String journeyId,
                                            @RequestBody(required = false) Resubmit given) {
        Resubmit body = given == null ? new Resubmit(null, null, null) : given;
        return desk.resubmit(journeyId, body.field(), body.value(), body.why());
    }

    @PostMapping("/{journeyId}/discard")
    @Operation(summary = "Discard a parked message for good",
            description = "why is mandatory (400 without it); the payload is kept in the audit. The journey becomes DISCARDED.")
    public ResponseEntity<BulkResult> discard(@PathVariable String journeyId, @RequestBody(required = false) Discard body) {
        return single(desk.discard(journeyId, body == null ? null : body.why()));
    }

    private static ResponseEntity<BulkResult> single(BulkResult result) {
        return ResponseEntity.status(result.notFound().isEmpty() ? HttpStatus.OK : HttpStatus.NOT_FOUND).body(result);
    }
}
