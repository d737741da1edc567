package org.carehub.simulators.contrOCC;

import java.util.List;
import org.carehub.finance.contrOCC.ClientRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST controls of the ContrOCC simulator for tests and demos (default under /simulators/contrOCC):
 * switch it off and on, slow it down, and look at what it holds.
 */
@RestController
@ConditionalOnContrOCCSimulator
@RequestMapping("${" + ContrOCCSimulatorProperties.PREFIX + ".path:/simulators/contrOCC}")
public class ContrOCCSimulatorController {

    /** Longest delay the controls accept: enough to outlast any client timeout. */
    private static final long MAX_DELAY_MILLIS = 600_000;

    private final ContrOCCSimulator simulator;

    ContrOCCSimulatorController(ContrOCCSimulator simulator) {
        this.simulator = simulator;
    }

    /** Body of POST /availability: {"up": false} switches the SOAP endpoint off (HTTP 503). */
    public record Availability(boolean up) {
    }

    /** Body of POST /imports-failing: {"failing": true} makes every import fail with a SOAP fault. */
    public record ImportsFailing(boolean failing) {
    }

    /** Body of POST /delay: {"millis": 3000}. */
    public record Delay(long millis) {
    }

    @PostMapping("/availability")
    public Availability availability(@RequestBody Availability availability) {
        simulator.setAvailable(availability.up());
        return new Availability(simulator.isAvailable());
    }

    @PostMapping("/imports-failing")
    public ImportsFailing importsFailing(@RequestBody ImportsFailing importsFailing) {
        simulator.setImportsFailing(importsFailing.failing());
        return new ImportsFailing(simulator.importsFailing());
    }

    @PostMapping("/delay")
    public Delay delay(@RequestBody Delay delay) {
        if (delay.millis() < 0 || delay.millis() > MAX_DELAY_MILLIS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "millis must be between 0 and " + MAX_DELAY_MILLIS);
        }
        simulator.setDelayMillis(delay.millis());
        return new Delay(simulator.delayMillis());
    }

    @GetMapping("/service-lines")
    public List<SimulatedServiceLine> serviceLines(@RequestParam(required = false) String personRef,
                                                   @RequestParam(required = false) String cpliId) {
        return simulator.serviceLines(personRef, cpliId);
    }

    @GetMapping("/clients/{personRef}")
    public ResponseEntity<ClientRecord> client(@PathVariable String personRef) {
        ClientRecord client = simulator.findClient(personRef);
        return client == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(client);
    }

    @GetMapping("/referrals")
    public List<SimulatedReferral> referrals(@RequestParam(required = false) String personRef) {
        return simulator.referrals(personRef);
    }

    /** Finance finished the assessment of an open referral (e.g. FA000003). */
    @PostMapping("/referrals/{financeId}/completion")
    public ResponseEntity<Void> completeAssessment(@PathVariable String financeId) {
        return simulator.completeAssessment(financeId) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @GetMapping("/actuals")
    public List<SimulatedActual> actuals(@RequestParam String invoiceId) {
        return simulator.actuals(invoiceId);
    }

    @GetMapping("/stats")
    public SimulatorStats stats() {
        return simulator.stats();
    }
}
