package org.carehub.finance;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "Is finance reachable": ContrOCC answering its import service. Down here does not stop the hub —
 * care lines wait and retry — but it tells the engineer on call why nothing reaches finance.
 */
@Component("finance")
public class FinanceHealthIndicator implements HealthIndicator {

    private final ContrOCCAdapter contrOCC;

    public FinanceHealthIndicator(ContrOCCAdapter contrOCC) {
        this.contrOCC = contrOCC;
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetail("contrOCC", contrOCC.checkReachable()).build();
        } catch (FinanceUnavailableException down) {
            return Health.down().withDetail("contrOCC", down.getMessage()).build();
        }
    }
}
