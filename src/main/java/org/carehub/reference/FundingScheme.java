package org.carehub.reference;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A way the NHS co-funds care lines (funding-schemes.yaml): which services it covers and what share the NHS
 * pays, either fixed for the scheme ({@code share: 100}) or recorded on each care line ({@code share: care line}).
 *
 * @param fixedSharePercent the NHS share in percent; null when each care line records its own
 * @param services          the service codes covered; empty = every service
 */
public record FundingScheme(String code, String name, BigDecimal fixedSharePercent, Set<String> services) {

    public boolean coversService(String serviceCode) {
        return services.isEmpty() || services.contains(serviceCode);
    }

    public boolean shareOnCareLine() {
        return fixedSharePercent == null;
    }
}
