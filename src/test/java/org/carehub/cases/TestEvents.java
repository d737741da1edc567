package org.carehub.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.carehub.reference.ProviderContract;
import org.carehub.reference.RateCardEntry;
import org.carehub.reference.ReferenceData;
import org.carehub.reference.ServiceDefinition;
import org.carehub.reference.ServiceElement;

/**
 * Builds LAS events for tests from the shipped mappings, so a "good" care line really satisfies the
 * rate card, contracts and finance codes, and each test changes exactly one thing to break a rule.
 */
public final class TestEvents {

    /** A valid NHS number (Modulus 11 check digit 9), as in the NHS Data Dictionary's example. */
    public static final String VALID_NHS_NUMBER = "9434765919";

    private final ReferenceData reference;

    public TestEvents(ReferenceData reference) {
        this.reference = reference;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static Client client(String lasPersonId) {
        return new Client(lasPersonId, VALID_NHS_NUMBER, "Mrs", "Joan", "Evans", LocalDate.of(1938, 4, 2),
                new Address("12 Mill Street", null, "Croydon", "CR0 1AB"), true, null);
    }

    public static LasEvent registered(Client client) {
        return event(LasEventType.CLIENT_REGISTERED, 1, client, null);
    }

    public static LasEvent event(LasEventType type, int version, Client client, CareLine line) {
        return new LasEvent(unique("EV"), version, type, OffsetDateTime.now(), client, line, null, null);
    }

    public static LasEvent created(CareLine line) {
        return event(LasEventType.CARE_LINE_CREATED, 1, null, line);
    }

    /** A care line for the service that passes every rule: a contracted provider, card rates, sensible units. */
    public CareLine goodCareLine(String clientId, String serviceCode, LocalDate start) {
        ServiceDefinition service = reference.service(serviceCode).orElseThrow();
        ProviderContract contract = reference.contracts().stream()
                .filter(c -> c.serviceCode().equals(serviceCode) && c.coversDate(start)
                        && reference.provider(c.providerRef()).isPresent())
                .findFirst().orElseThrow(() -> new IllegalStateException("no contract for " + serviceCode));
        List<CareLineElement> elements = new ArrayList<>();
        for (ServiceElement element : reference.elements(serviceCode)) {
            boolean priced = reference.rate(serviceCode, element.elementCode(), start).isPresent()
                    && reference.financeCode(serviceCode, element.elementCode()).isPresent();
            if (priced && (elements.isEmpty() || service.requiredElements().contains(element.elementCode()))) {
                elements.add(element(serviceCode, element.elementCode(), start));
            }
        }
        return new CareLine(unique("CPLI"), clientId, serviceCode, contract.providerRef(), contract.contractRef(),
                start, null, null, elements, null);
    }

    public CareLineElement element(String serviceCode, String elementCode, LocalDate on) {
        RateCardEntry card = reference.rate(serviceCode, elementCode, on).orElseThrow();
        BigDecimal units = reference.element(serviceCode, elementCode).orElseThrow().maxUnitsPerWeek().min(BigDecimal.ONE);
        return new CareLineElement(elementCode, card.unit(), card.rate(), units, null);
    }

    public static CareLine withElements(CareLine l, List<CareLineElement> elements) {
        return new CareLine(l.cpliId(), l.clientId(), l.serviceCode(), l.providerRef(), l.contractRef(), l.startDate(),
                l.endDate(), l.endReason(), elements, l.nhsFunding());
    }

    public static CareLine withDates(CareLine l, LocalDate start, LocalDate end) {
        return new CareLine(l.cpliId(), l.clientId(), l.serviceCode(), l.providerRef(), l.contractRef(), start, end,
                end == null ? null : "Package ended", l.elements(), l.nhsFunding());
    }

    public static CareLine withProvider(CareLine l, String providerRef) {
        return new CareLine(l.cpliId(), l.clientId(), l.serviceCode(), providerRef, l.contractRef(), l.startDate(),
                l.endDate(), l.endReason(), l.elements(), l.nhsFunding());
    }

    public static CareLineElement withRate(CareLineElement e, BigDecimal rate, RateOverride override) {
        return new CareLineElement(e.elementCode(), e.unit(), rate, e.plannedUnitsPerWeek(), override);
    }

    public static CareLineElement withUnits(CareLineElement e, BigDecimal units) {
        return new CareLineElement(e.elementCode(), e.unit(), e.rate(), units, e.rateOverride());
    }
}
