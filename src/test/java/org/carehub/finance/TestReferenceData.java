package org.carehub.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehub.reference.FailureReason;
import org.carehub.reference.FinanceCode;
import org.carehub.reference.OwnerTeam;
import org.carehub.reference.Provider;
import org.carehub.reference.ProviderContract;
import org.carehub.reference.RateCardEntry;
import org.carehub.reference.ReferenceData;
import org.carehub.reference.ServiceDefinition;
import org.carehub.reference.ServiceElement;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * TEST DATA ONLY: a tiny, fixed set of services and finance codes for the ContrOCC tests, so they
 * do not depend on the council's mappings. Primary, so it wins over the real reference data bean.
 * HOMECARE is chargeable (PERSONAL_CARE and DOMESTIC_HELP coded; SHOPPING deliberately not);
 * DAYCARE is free (DAY_SESSION coded).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestReferenceData {

    static final String HOMECARE = "HOMECARE";
    static final String DAYCARE = "DAYCARE";

    private static final Map<String, ServiceDefinition> SERVICES = Map.of(
            HOMECARE, new ServiceDefinition(HOMECARE, "Home care", true, List.of("PERSONAL_CARE")),
            DAYCARE, new ServiceDefinition(DAYCARE, "Day care", false, List.of("DAY_SESSION")));

    private static final List<FinanceCode> FINANCE_CODES = List.of(
            new FinanceCode(HOMECARE, "PERSONAL_CARE", "HC_PERSONAL", "4101", "ASC-HC-01"),
            new FinanceCode(HOMECARE, "DOMESTIC_HELP", "HC_DOMESTIC", "4102", "ASC-HC-01"),
            new FinanceCode(DAYCARE, "DAY_SESSION", "DC_SESSION", "4201", "ASC-DC-01"));

    @Bean
    @Primary
    ReferenceData contrOCCTestReferenceData() {
        return new ReferenceData() {
            @Override
            public Optional<ServiceDefinition> service(String serviceCode) {
                return Optional.ofNullable(SERVICES.get(serviceCode));
            }

            @Override
            public Optional<FinanceCode> financeCode(String serviceCode, String elementCode) {
                return FINANCE_CODES.stream()
                        .filter(code -> code.serviceCode().equals(serviceCode) && code.elementCode().equals(elementCode))
                        .findFirst();
            }

            @Override
            public Optional<ServiceElement> element(String serviceCode, String elementCode) {
                return financeCode(serviceCode, elementCode)
                        .map(code -> new ServiceElement(serviceCode, elementCode, elementCode, "HOUR", new BigDecimal("168")));
            }

            @Override
            public Optional<Provider> provider(String providerRef) {
                return Optional.empty();
            }

            @Override
            public List<Provider> providers() {
                return List.of();
            }

            @Override
            public Optional<ProviderContract> contract(String providerRef, String serviceCode, LocalDate on) {
                return Optional.empty();
            }

            @Override
            public Optional<RateCardEntry> rate(String serviceCode, String elementCode, LocalDate on) {
                return Optional.empty();
            }

            @Override
            public FailureReason reason(String reasonCode) {
                throw new IllegalArgumentException("The ContrOCC test data has no failure reasons: " + reasonCode);
            }

            @Override
            public List<FailureReason> reasons() {
                return List.of();
            }

            @Override
            public Optional<OwnerTeam> ownerTeam(String teamCode) {
                return Optional.empty();
            }

            @Override
            public List<OwnerTeam> ownerTeams() {
                return List.of();
            }
        };
    }
}
