package org.carehub.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rate-card.csv: the locked rate of each service element between two dates. The unit must be
 * the element's unit, and one element's periods must not overlap (a framework change ends the old
 * rate the day before the new one starts).
 */
final class RateCard {

    static final String FILE = "rate-card.csv";

    private RateCard() {
    }

    static List<RateCardEntry> read(CsvMappingReader csv, ServiceCatalogue catalogue) {
        List<RateCardEntry> entries = new ArrayList<>();
        OverlapCheck overlaps = new OverlapCheck();
        for (MappingRow row : csv.read(FILE,
                List.of("service_code", "element_code", "unit", "rate", "valid_from", "valid_to", "framework"))) {
            ServiceElement element = catalogue.knownElement(row);
            String unit = row.required("unit");
            if (element != null && element.unit() != null && unit != null && !unit.equals(element.unit())) {
                row.problem("unit", "'" + unit + "' is not the unit of " + element.serviceCode() + "/"
                        + element.elementCode() + " in " + ServiceCatalogue.ELEMENTS_FILE + " ('" + element.unit() + "')");
            }
            BigDecimal rate = row.pounds("rate");
            ValidityPeriod period = row.period("valid_from", "valid_to");
            String framework = row.required("framework");
            if (row.isValid()) {
                overlaps.add(element.serviceCode() + "/" + element.elementCode(), period, row, "valid_from");
                entries.add(new RateCardEntry(element.serviceCode(), element.elementCode(), unit, rate,
                        period.from(), period.to(), framework));
            }
        }
        return entries;
    }
}
