package org.carehub.reference;

import java.util.List;

/**
 * A service LAS commissions. {@code requiredElements} are the priced elements every package of
 * this service must carry (supported living must carry its sleep-in night); {@code chargeable}
 * means the client may contribute, so finance needs a financial assessment referral.
 */
public record ServiceDefinition(String serviceCode, String name, boolean chargeable, List<String> requiredElements) {
}
