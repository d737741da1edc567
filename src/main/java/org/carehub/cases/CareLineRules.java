package org.carehub.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.reference.RateCardEntry;
import org.carehub.reference.ReferenceData;
import org.carehub.reference.ServiceDefinition;
import org.carehub.reference.ServiceElement;
import org.springframework.stereotype.Component;

/**
 * The council's rules for a care line before it may reach finance, checked against the reference
 * data in {@code mappings/} and the client as LAS last sent them. The first broken rule is reported,
 * naming the field at fault, so the owner team fixes one clear thing at a time.
 */
@Component
public class CareLineRules {

    private final ReferenceData reference;

    public CareLineRules(ReferenceData reference) {
        this.reference = reference;
    }

    public void check(CareLine line, Client client) {
        checkDates(line);
        if (reference.provider(line.providerRef()).isEmpty()) {
            throw new BusinessRuleViolation("UNKNOWN_PROVIDER", "careLine.providerRef", line.providerRef(),
                    Map.of("providerRef", line.providerRef()));
        }
        ServiceDefinition service = reference.service(line.serviceCode()).orElseThrow(() -> new BusinessRuleViolation(
                "UNKNOWN_SERVICE", "careLine.serviceCode", line.serviceCode(), Map.of("serviceCode", line.serviceCode())));
        if (reference.contract(line.providerRef(), line.serviceCode(), line.startDate()).isEmpty()) {
            throw new BusinessRuleViolation("NO_CONTRACT_FOR_SERVICE", "careLine.providerRef", line.providerRef(),
                    Map.of("providerRef", line.providerRef(), "serviceCode", line.serviceCode(), "date", line.startDate()));
        }
        checkRequiredElements(line, service);
        for (int i = 0; i < line.elements().size(); i++) {
            checkElement(line, line.elements().get(i), "careLine.elements[" + i + "]");
        }
        checkAgainstDateOfDeath(line, client);
    }

    private static void checkDates(CareLine line) {
        if (line.endDate() != null && line.endDate().isBefore(line.startDate())) {
            throw new BusinessRuleViolation("END_BEFORE_START", "careLine.endDate", line.endDate(),
                    Map.of("startDate", line.startDate(), "endDate", line.endDate()));
        }
    }

    private static void checkRequiredElements(CareLine line, ServiceDefinition service) {
        List<String> present = line.elements().stream().map(CareLineElement::elementCode).toList();
        for (String required : service.requiredElements()) {
            if (!present.contains(required)) {
                throw new BusinessRuleViolation("MISSING_REQUIRED_ELEMENT", "careLine.elements", String.join(",", present),
                        Map.of("serviceCode", line.serviceCode(), "elementCode", required));
            }
        }
    }

    private void checkElement(CareLine line, CareLineElement element, String field) {
        String service = line.serviceCode();
        String code = element.elementCode();
        Map<String, Object> names = Map.of("serviceCode", service, "elementCode", code);
        ServiceElement defined = reference.element(service, code).orElseThrow(() ->
                new BusinessRuleViolation("UNKNOWN_ELEMENT", field + ".elementCode", code, names));
        if (reference.financeCode(service, code).isEmpty()) {
            throw new BusinessRuleViolation("NO_FINANCE_MAPPING", field + ".elementCode", code, names);
        }
        RateCardEntry card = reference.rate(service, code, line.startDate()).orElseThrow(() ->
                new BusinessRuleViolation("NO_RATE_CARD_ENTRY", field + ".elementCode", code,
                        Map.of("serviceCode", service, "elementCode", code, "date", line.startDate())));
        boolean overridden = element.rateOverride() != null && element.rateOverride().isAuthorised();
        if (element.rate().compareTo(card.rate()) != 0 && !overridden) {
            throw new BusinessRuleViolation("RATE_NOT_ON_RATE_CARD", field + ".rate", element.rate(),
                    Map.of("serviceCode", service, "elementCode", code, "rate", element.rate().toPlainString(),
                            "cardRate", card.rate().toPlainString(), "date", line.startDate()));
        }
        BigDecimal units = element.plannedUnitsPerWeek();
        if (units.signum() <= 0 || units.compareTo(defined.maxUnitsPerWeek()) > 0) {
            throw new BusinessRuleViolation("PLANNED_UNITS_INVALID", field + ".plannedUnitsPerWeek", units.toPlainString(),
                    Map.of("elementCode", code, "max", defined.maxUnitsPerWeek().toPlainString(), "unit", defined.unit()));
        }
    }

    private static void checkAgainstDateOfDeath(CareLine line, Client client) {
        LocalDate dateOfDeath = client.dateOfDeath();
        if (dateOfDeath == null) {
            return;
        }
        if (line.startDate().isAfter(dateOfDeath)) {
            throw new BusinessRuleViolation("STARTS_AFTER_DEATH", "careLine.startDate", line.startDate(),
                    Map.of("startDate", line.startDate(), "dateOfDeath", dateOfDeath));
        }
        if (line.endDate() == null || line.endDate().isAfter(dateOfDeath)) {
            throw new BusinessRuleViolation("RUNS_PAST_DEATH", "careLine.endDate",
                    line.endDate() == null ? "open-ended" : line.endDate(),
                    Map.of("endDate", line.endDate() == null ? "no end date" : line.endDate(), "dateOfDeath", dateOfDeath));
        }
    }
}
