package org.carehub.cases;

import java.util.Map;
import java.util.Optional;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.failures.ParkedFlow;
import org.springframework.stereotype.Component;

/** The LAS events flow as the failure desk sees it: its subject headers and a side-effect-free rule check. */
@Component
class LasParkedFlow implements ParkedFlow {

    private final LasEventFlow flow;

    LasParkedFlow(LasEventFlow flow) {
        this.flow = flow;
    }

    @Override
    public String flow() {
        return LasIntake.FLOW;
    }

    @Override
    public Map<String, Object> headersFor(String payload) {
        try {
            return LasIntake.subjectHeaders(flow.read(payload));
        } catch (BusinessRuleViolation unreadable) {
            throw new IllegalArgumentException("the edited event is not a valid LAS event: " + unreadable.getMessage(),
                    unreadable);
        }
    }

    @Override
    public Optional<String> wouldFailWith(String payload) {
        try {
            flow.applyRules(flow.read(payload));
            return Optional.empty();
        } catch (BusinessRuleViolation broken) {
            return Optional.of(broken.reasonCode());
        }
    }
}
