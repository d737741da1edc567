package org.carehub.simulators.contrOCC;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.carehub.finance.contrOCC.Client;
import org.carehub.finance.contrOCC.ServiceLine;
import org.carehub.finance.contrOCC.ServiceLineElement;

/** Import forms for the simulator tests, with ids unique per test so tests share one database safely. */
final class ContrOCCForms {

    private ContrOCCForms() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Client client(String personRef) {
        Client client = new Client();
        client.setPersonRef(personRef);
        client.setTitle("Mrs");
        client.setForename("Edith");
        client.setSurname("Crawley");
        client.setDateOfBirth(LocalDate.of(1938, 5, 17));
        client.getAddressLines().add("12 Mill Lane");
        client.setPostcode("LS1 4AB");
        client.setChargeable(true);
        return client;
    }

    static ServiceLine line(String personRef, String cpliId, int version, LocalDate start, LocalDate end, String... elementTypes) {
        ServiceLine line = new ServiceLine();
        line.setPersonRef(personRef);
        line.setCpliId(cpliId);
        line.setCpliVersion(version);
        line.setProviderRef("PRV-1");
        line.setStartDate(start);
        line.setEndDate(end);
        for (String type : elementTypes) {
            ServiceLineElement element = new ServiceLineElement();
            element.setElementType(type);
            element.setLedgerCode("4101");
            element.setCostCentre("ASC-HC-01");
            element.setUnit("HOUR");
            element.setRate(new BigDecimal("21.50"));
            element.setPlannedUnitsPerWeek(new BigDecimal("7"));
            line.getElements().add(element);
        }
        return line;
    }
}
