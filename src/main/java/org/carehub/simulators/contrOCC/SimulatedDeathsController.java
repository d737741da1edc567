package org.carehub.simulators.contrOCC;

import java.time.LocalDate;
import java.util.List;
import org.carehub.finance.DeathImport;
import org.carehub.finance.DeathImportResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The simulated ContrOCC's deaths interface (default under /simulators/contrOCC/deaths), which the hub's
 * {@code org.carehub.finance.ContrOCCDeaths} calls: record a death (ending its lines), and what was paid or is
 * still running after it. Switched off with the rest of the simulator ({@code POST /availability}).
 */
@RestController
@ConditionalOnContrOCCSimulator
@RequestMapping("${" + ContrOCCSimulatorProperties.PREFIX + ".path:/simulators/contrOCC}/deaths")
public class SimulatedDeathsController {

    private final SimulatedDeaths deaths;
    private final ContrOCCSimulator simulator;

    SimulatedDeathsController(SimulatedDeaths deaths, ContrOCCSimulator simulator) {
        this.deaths = deaths;
        this.simulator = simulator;
    }

    @PostMapping
    public DeathImportResult recordDeath(@RequestBody DeathImport death) {
        requireUp();
        if (death.importReference() == null || death.personRef() == null || death.dateOfDeath() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "importReference, personRef and dateOfDeath are required");
        }
        return deaths.recordDeath(death);
    }

    @GetMapping("/{personRef}/actuals")
    public List<SimulatedActual> actualsEndingAfter(@PathVariable String personRef,
                                                    @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate after) {
        requireUp();
        return deaths.actualsEndingAfter(personRef, after);
    }

    @GetMapping("/{personRef}/running-lines")
    public List<SimulatedServiceLine> linesRunningAfter(@PathVariable String personRef,
                                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate after) {
        requireUp();
        return deaths.linesRunningAfter(personRef, after);
    }

    private void requireUp() {
        if (!simulator.isAvailable()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "ContrOCC simulator switched off");
        }
    }
}
