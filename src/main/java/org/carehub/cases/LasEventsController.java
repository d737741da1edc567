package org.carehub.cases;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST door for LAS events: {@code POST /api/las/events} with the event as JSON. A new event is
 * answered 202 Accepted with its journey; a resend of the same event id and version 200 OK with the
 * journey it already has. Refusals are answered by {@link LasRestRefusals}.
 */
@RestController
public class LasEventsController {

    static final String PATH = "/api/las/events";
    static final String CHANNEL = "REST";

    private final LasIntake intake;

    public LasEventsController(LasIntake intake) {
        this.intake = intake;
    }

    @PostMapping(PATH)
    public ResponseEntity<IntakeReceipt> publish(@Valid @RequestBody LasEvent event) {
        IntakeReceipt receipt = intake.accept(event, CHANNEL);
        if (receipt.duplicate()) {
            return ResponseEntity.ok(receipt);
        }
        return ResponseEntity.accepted().location(URI.create("/api/journeys/" + receipt.journeyId())).body(receipt);
    }
}
