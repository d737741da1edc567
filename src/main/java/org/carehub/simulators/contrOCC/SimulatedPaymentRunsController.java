package org.carehub.simulators.contrOCC;

import java.time.LocalDate;
import java.util.List;
import org.carehub.finance.ContrOCCPaymentRuns;
import org.carehub.finance.PaymentRun;
import org.carehub.finance.PaymentRun.BankAccount;
import org.carehub.finance.PaymentRun.ProviderPayment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The simulated ContrOCC's payment run export (what the hub reads) and its controls for tests and demos: authorise
 * a run, change a provider's bank account. Answers 503 while the simulator is switched off, like its SOAP service.
 */
@RestController
@ConditionalOnContrOCCSimulator
@RequestMapping("${" + ContrOCCSimulatorProperties.PREFIX + ".path:/simulators/contrOCC}")
public class SimulatedPaymentRunsController {

    private final SimulatedPaymentRuns runs;
    private final ContrOCCSimulator simulator;

    SimulatedPaymentRunsController(SimulatedPaymentRuns runs, ContrOCCSimulator simulator) {
        this.runs = runs;
        this.simulator = simulator;
    }

    /** Body of POST /payment-runs: without payments, finance pays every provider its unpaid actuals. */
    public record RunRequest(LocalDate paymentDate, List<ProviderPayment> payments) {
    }

    @GetMapping("/payment-runs")
    public ContrOCCPaymentRuns.RunRefs runRefs() {
        up();
        return new ContrOCCPaymentRuns.RunRefs(runs.runRefs());
    }

    @GetMapping("/payment-runs/{runRef}")
    public ResponseEntity<PaymentRun> run(@PathVariable String runRef) {
        up();
        return ResponseEntity.of(runs.run(runRef));
    }

    /** Authorises a run: 201 with the run, or 204 when no provider is due anything. */
    @PostMapping("/payment-runs")
    public ResponseEntity<PaymentRun> publish(@RequestBody(required = false) RunRequest request) {
        LocalDate paymentDate = request == null || request.paymentDate() == null ? LocalDate.now().plusDays(1) : request.paymentDate();
        if (request != null && request.payments() != null && !request.payments().isEmpty()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(runs.publish(paymentDate, request.payments()));
        }
        return runs.publish(paymentDate).map(run -> ResponseEntity.status(HttpStatus.CREATED).body(run))
                .orElse(ResponseEntity.noContent().build());
    }

    @GetMapping("/providers/{providerRef}/bank-account")
    public ResponseEntity<BankAccount> bankAccount(@PathVariable String providerRef) {
        return ResponseEntity.of(runs.bankAccount(providerRef));
    }

    @PutMapping("/providers/{providerRef}/bank-account")
    public BankAccount changeBankAccount(@PathVariable String providerRef, @RequestBody BankAccount account) {
        runs.changeBankAccount(providerRef, account);
        return account;
    }

    private void up() {
        if (!simulator.isAvailable()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the ContrOCC simulator is switched off");
        }
    }
}
