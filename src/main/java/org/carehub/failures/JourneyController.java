package org.carehub.failures;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Where is it and why": a journey by id, or the journeys of a client or care line. */
@RestController
@RequestMapping("/api/journeys")
public class JourneyController {

    private static final int MAX_RESULTS = 500;

    private final JourneyLedger ledger;

    public JourneyController(JourneyLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/{journeyId}")
    public ResponseEntity<Journey> journey(@PathVariable String journeyId) {
        return ResponseEntity.of(ledger.find(journeyId));
    }

    @GetMapping
    public ResponseEntity<List<Journey>> search(@RequestParam(required = false) String clientId,
                                                @RequestParam(required = false) String careLineId,
                                                @RequestParam(defaultValue = "50") int limit) {
        if ((clientId == null || clientId.isBlank()) && (careLineId == null || careLineId.isBlank())) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.ok(ledger.search(clientId, careLineId, Math.min(Math.max(limit, 1), MAX_RESULTS)));
    }
}
