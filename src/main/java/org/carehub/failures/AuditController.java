package org.carehub.failures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The failure desk's audit: who did what to which parked message, when and why. */
@RestController
@Tag(name = "Failure desk")
public class AuditController {

    private static final int MAX_ROWS = 1000;

    private final AuditTrail audit;

    public AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Failure desk audit, newest first", description = "Every operator action, refused and failed ones included.")
    public List<AuditEntry> audit(@RequestParam(required = false) String journeyId,
                                  @RequestParam(required = false) String operator,
                                  @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_ROWS) {
            throw new DeskRequestException("limit", "limit is between 1 and " + MAX_ROWS);
        }
        return audit.search(journeyId, operator, limit);
    }
}
