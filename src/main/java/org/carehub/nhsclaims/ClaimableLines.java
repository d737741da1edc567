package org.carehub.nhsclaims;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.finance.CoFundedCareLine;
import org.carehub.reference.FinanceCode;
import org.carehub.reference.FundingScheme;
import org.carehub.reference.NhsBody;
import org.carehub.reference.ReferenceData;
import org.springframework.stereotype.Component;

/**
 * Decides whether a co-funded care line can be claimed and from whom at what share, by the funding mappings.
 * Checked in a fixed order, first broken rule wins: scheme known, body known, service covered by the scheme,
 * a share (the scheme's, or the care line's where the scheme leaves it to the line), the client's NHS number.
 */
@Component
public class ClaimableLines {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ReferenceData reference;

    public ClaimableLines(ReferenceData reference) {
        this.reference = reference;
    }

    /** Who is claimed from, under which scheme, for which service, at what share. */
    public record Claimable(NhsBody body, FundingScheme scheme, String serviceCode, BigDecimal sharePercent) {
    }

    /**
     * @param month the first month the line would be claimed for, named in the reason
     * @throws BusinessRuleViolation an NHS_CLAIM_* reason when it cannot be claimed
     */
    public Claimable check(CoFundedCareLine line, String month) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("nhsBody", line.nhsBody());
        details.put("scheme", line.scheme());
        details.put("month", month);
        details.put("clientId", line.personRef());
        details.put("careLineId", line.cpliId());
        String serviceCode = serviceOf(line);
        details.put("serviceCode", serviceCode);
        FundingScheme scheme = reference.fundingScheme(line.scheme()).orElseThrow(() ->
                new BusinessRuleViolation("NHS_CLAIM_UNKNOWN_SCHEME", "nhsFunding.scheme", line.scheme(), details));
        NhsBody body = reference.nhsBody(line.nhsBody()).orElseThrow(() ->
                new BusinessRuleViolation("NHS_CLAIM_UNKNOWN_BODY", "nhsFunding.body", line.nhsBody(), details));
        if (!scheme.coversService(serviceCode)) {
            throw new BusinessRuleViolation("NHS_CLAIM_SERVICE_NOT_IN_SCHEME", "serviceCode", serviceCode, details);
        }
        BigDecimal share = scheme.shareOnCareLine() ? line.sharePercent() : scheme.fixedSharePercent();
        if (share == null || share.signum() <= 0 || share.compareTo(HUNDRED) > 0) {
            throw new BusinessRuleViolation("NHS_CLAIM_NO_SHARE", "nhsFunding.sharePercent",
                    share == null ? "" : share.toPlainString(), details);
        }
        if (line.nhsNumber() == null || line.nhsNumber().isBlank()) {
            throw new BusinessRuleViolation("NHS_CLAIM_NO_NHS_NUMBER", "client.nhsNumber", "", details);
        }
        return new Claimable(body, scheme, serviceCode, share);
    }

    /** The service the line's elements are coded for in finance (finance-codes.csv); the element type when unmapped. */
    private String serviceOf(CoFundedCareLine line) {
        String elementType = line.elements().isEmpty() ? "" : line.elements().get(0).elementType();
        return reference.financeCodeOfElementType(elementType).map(FinanceCode::serviceCode).orElse(elementType);
    }
}
