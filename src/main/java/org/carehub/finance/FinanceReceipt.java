package org.carehub.finance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What ContrOCC did for one delivery, step by step, with the finance ids it gave. Its
 * {@link #toString()} is the line the journey ledger records, e.g.
 * {@code ContrOCC: CLIENT_CREATED CL000012 (ref e-1:1/client); SERVICE_LINE_CREATED SL000040 (ref e-1:1/line)}.
 */
public record FinanceReceipt(List<Step> steps) {

    public FinanceReceipt {
        steps = List.copyOf(steps);
    }

    /** One import and its outcome; {@code message} is ContrOCC's own sentence. */
    public record Step(FinanceAction action, String financeId, String importReference, String message) {

        @Override
        public String toString() {
            List<String> about = new ArrayList<>();
            if (importReference != null) {
                about.add("ref " + importReference);
            }
            // For a step not taken now, say what finance had done before.
            if (action == FinanceAction.ALREADY_DONE || action == FinanceAction.ASSESSMENT_ALREADY_REFERRED) {
                about.add(message);
            }
            return action + (financeId == null ? "" : " " + financeId) + " (" + String.join(": ", about) + ")";
        }
    }

    /** Whether any step is of this kind. */
    public boolean has(FinanceAction action) {
        return steps.stream().anyMatch(step -> step.action() == action);
    }

    @Override
    public String toString() {
        return "ContrOCC: " + steps.stream().map(Step::toString).collect(Collectors.joining("; "));
    }
}
