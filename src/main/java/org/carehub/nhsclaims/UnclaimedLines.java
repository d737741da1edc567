package org.carehub.nhsclaims;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.failures.JourneyLedger;
import org.carehub.failures.JourneyLedger.Subject;
import org.carehub.failures.JourneyStatus;
import org.carehub.failures.ParkedFlow;
import org.carehub.failures.ParkedHeaders;
import org.carehub.failures.Parking;
import org.carehub.failures.RefusedInput;
import org.carehub.finance.CoFundedCareLine;
import org.carehub.finance.ContrOCCCoFundedCare;
import org.springframework.stereotype.Component;

/**
 * Co-funded care lines that cannot be claimed: parked once per care line on {@code carehub.nhsclaims.lines.parked}
 * for their owner team (a run finding the line still parked does not park it again), and checked again when the
 * failure desk retries them (route nhs-claims-retry). A line that now passes is left to the next monthly run, which
 * claims the months it missed as adjustments.
 */
@Component("nhsClaimLines")
public class UnclaimedLines implements ParkedFlow {

    public static final String QUEUE = "carehub.nhsclaims.lines";
    static final String FLOW = "nhs-claims";

    /** The parked payload: the care line as finance held it and the first month it was not claimed for. */
    public record ParkedClaimLine(String month, CoFundedCareLine careLine) {
    }

    private final JourneyLedger ledger;
    private final RefusedInput refusedInput;
    private final ClaimableLines claimable;
    private final ContrOCCCoFundedCare finance;
    private final ObjectMapper json;

    public UnclaimedLines(JourneyLedger ledger, RefusedInput refusedInput, ClaimableLines claimable,
            ContrOCCCoFundedCare finance, ObjectMapper json) {
        this.ledger = ledger;
        this.refusedInput = refusedInput;
        this.claimable = claimable;
        this.finance = finance;
        this.json = json;
    }

    /** Parks the line for its owner team unless it is parked already; true when parked now. */
    public boolean park(CoFundedCareLine line, YearMonth month, BusinessRuleViolation why) {
        Subject subject = subject(line);
        // One journey per care line: still PARKED means the owner team has it already.
        if (ledger.open(subject, JourneyStatus.IN_PROGRESS).status() == JourneyStatus.PARKED) {
            return false;
        }
        refusedInput.park(QUEUE, subject, JourneyStatus.PARKED, write(new ParkedClaimLine(month.toString(), line)),
                headersOf(line), new Parking.Classified(why.reasonCode(), why.field(), why.value(), why.details()));
        return true;
    }

    /**
     * The failure desk sent a parked line back: checks it again against what finance holds now and the mappings.
     *
     * @throws BusinessRuleViolation when it still cannot be claimed (parked again by the route)
     */
    public void retry(String payload, String journeyId) {
        ParkedClaimLine parked = read(payload);
        YearMonth month = YearMonth.parse(parked.month());
        LocalDate today = LocalDate.now();
        CoFundedCareLine now = finance.activeBetween(month.atDay(1), today.isAfter(month.atEndOfMonth()) ? today : month.atEndOfMonth())
                .stream().filter(line -> line.cpliId().equals(parked.careLine().cpliId())).findFirst()
                .orElse(parked.careLine());
        claimable.check(now, parked.month());
        if (journeyId != null) {
            ledger.step(journeyId, "claimable", "OK", "can now be claimed; the next monthly run claims it from " + parked.month());
            ledger.status(journeyId, JourneyStatus.DELIVERED);
        }
    }

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public Map<String, Object> headersFor(String payload) {
        return headersOf(read(payload).careLine());
    }

    /** Checked against the mappings as they are now, with the line as parked (no call to finance). */
    @Override
    public Optional<String> wouldFailWith(String payload) {
        ParkedClaimLine parked = read(payload);
        try {
            claimable.check(parked.careLine(), parked.month());
            return Optional.empty();
        } catch (BusinessRuleViolation still) {
            return Optional.of(still.reasonCode());
        }
    }

    private static Subject subject(CoFundedCareLine line) {
        return new Subject(FLOW, "nhs-claims-run", "nhs-claim:" + line.cpliId(), 1, "NHS_CLAIM_LINE", line.personRef(),
                line.cpliId());
    }

    private static Map<String, Object> headersOf(CoFundedCareLine line) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(ParkedHeaders.CLIENT_ID, line.personRef());
        headers.put(ParkedHeaders.CARE_LINE_ID, line.cpliId());
        return headers;
    }

    private String write(ParkedClaimLine parked) {
        try {
            return json.writeValueAsString(parked);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ParkedClaimLine read(String payload) {
        try {
            return json.readValue(payload, ParkedClaimLine.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a parked NHS claim line: " + e.getOriginalMessage(), e);
        }
    }
}
