package org.carehub.reference;

import java.util.ArrayList;
import java.util.List;

/** Reads finance-codes.csv: how each service element is coded in ContrOCC (element type, ledger code, cost centre). */
final class FinanceCodes {

    static final String FILE = "finance-codes.csv";

    private FinanceCodes() {
    }

    static List<FinanceCode> read(CsvMappingReader csv, ServiceCatalogue catalogue) {
        List<FinanceCode> codes = new ArrayList<>();
        UniqueKeys keys = new UniqueKeys("finance code for element");
        for (MappingRow row : csv.read(FILE,
                List.of("service_code", "element_code", "contrOCC_element_type", "ledger_code", "cost_centre"))) {
            ServiceElement element = catalogue.knownElement(row);
            String elementType = row.required("contrOCC_element_type");
            String ledgerCode = row.required("ledger_code");
            String costCentre = row.required("cost_centre");
            if (row.isValid() && keys.add(element.serviceCode() + "/" + element.elementCode(), row, "element_code")) {
                codes.add(new FinanceCode(element.serviceCode(), element.elementCode(), elementType, ledgerCode, costCentre));
            }
        }
        return codes;
    }
}
