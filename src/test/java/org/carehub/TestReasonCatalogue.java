package org.carehub;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehub.reference.FailureKind;
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

/**
 * TEST ONLY, until the real reference data is merged: the refused-input reasons of the channels
 * (owner HUB_SUPPORT, business), so Parking can stamp them. Delete when ReferenceData exists in main.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestReasonCatalogue {

    private static final Map<String, String> REFUSED_INPUT = Map.of(
            "MALFORMED_XML", "The XML could not be read: {detail}",
            "XML_DOCTYPE_REFUSED", "The XML carried a DOCTYPE, which the hub never reads: {detail}",
            "MALFORMED_JSON", "The JSON could not be read: {detail}",
            "INVALID_EVENT", "The event breaks the contract: {detail}",
            "MESSAGE_TOO_LARGE", "The message is over the limit of {limit}",
            "MALFORMED_CSV_ROW", "{fileName} line {line} could not be read: {detail}",
            "UNREADABLE_FILE", "{fileName} could not be read: {detail}");

    @Bean
    ReferenceData referenceData() {
        return new ReferenceData() {
            @Override
            public FailureReason reason(String code) {
                String explanation = REFUSED_INPUT.get(code);
                if (explanation == null) {
                    throw new IllegalArgumentException("Unknown reason code " + code);
                }
                return new FailureReason(code, code, explanation, "Correct the input and send it again",
                        "HUB_SUPPORT", FailureKind.BUSINESS, false);
            }

            @Override
            public List<FailureReason> reasons() {
                return REFUSED_INPUT.keySet().stream().map(this::reason).toList();
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
            public Optional<ProviderContract> contract(String providerRef, String serviceCode, java.time.LocalDate on) {
                return Optional.empty();
            }

            @Override
            public Optional<ServiceDefinition> service(String serviceCode) {
                return Optional.empty();
            }

            @Override
            public Optional<ServiceElement> element(String serviceCode, String elementCode) {
                return Optional.empty();
            }

            @Override
            public Optional<RateCardEntry> rate(String serviceCode, String elementCode, java.time.LocalDate on) {
                return Optional.empty();
            }

            @Override
            public Optional<FinanceCode> financeCode(String serviceCode, String elementCode) {
                return Optional.empty();
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
