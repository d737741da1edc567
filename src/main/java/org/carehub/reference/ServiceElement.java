package org.carehub.reference;

import java.math.BigDecimal;

/** A priced element of a service, its unit and the most that can be planned in a week. */
public record ServiceElement(String serviceCode, String elementCode, String name, String unit, BigDecimal maxUnitsPerWeek) {
}
