package org.carehub.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mappings shipped in {@code mappings/} load cleanly and answer the lookups the flows make. */
class ShippedMappingsTest {

    private static MappingsSnapshot mappings;

    @BeforeAll
    static void load() {
        mappings = new MappingsLoader(MappingsFixture.SHIPPED).load();
    }

    @Test
    void homeCareRateChangesWithTheFrameworkOnFirstApril2026() {
        RateCardEntry before = mappings.rate("HOMECARE", "PERSONAL_CARE", LocalDate.of(2026, 3, 31)).orElseThrow();
        RateCardEntry after = mappings.rate("HOMECARE", "PERSONAL_CARE", LocalDate.of(2026, 4, 1)).orElseThrow();

        assertThat(before.rate()).isEqualByComparingTo("24.50");
        assertThat(before.framework()).isEqualTo("Home Care Framework 2022-2026");
        assertThat(after.rate()).isEqualByComparingTo("26.10");
        assertThat(after.framework()).isEqualTo("Home Care Framework 2026-2030");
        assertThat(after.validTo()).isNull();
    }

    @Test
    void sleepInRateIsUpliftedFromOctober2025() {
        assertThat(mappings.rate("SUPPORTED_LIVING", "SLEEP_IN", LocalDate.of(2025, 9, 30)).orElseThrow().rate())
                .isEqualByComparingTo("105.00");
        assertThat(mappings.rate("SUPPORTED_LIVING", "SLEEP_IN", LocalDate.of(2025, 10, 1)).orElseThrow().framework())
                .isEqualTo("Learning Disability Sleep-in Uplift 2025");
    }

    @Test
    void noRateBeforeTheRateCardStarts() {
        assertThat(mappings.rate("HOMECARE", "PERSONAL_CARE", LocalDate.of(2025, 3, 31))).isEmpty();
    }

    @Test
    void wakingNightHasNoRateSoTheRateCardBehindFailureCanHappen() {
        assertThat(mappings.element("SUPPORTED_LIVING", "WAKING_NIGHT")).isPresent();
        assertThat(mappings.rate("SUPPORTED_LIVING", "WAKING_NIGHT", LocalDate.of(2026, 6, 1))).isEmpty();
        assertThat(mappings.financeCode("SUPPORTED_LIVING", "WAKING_NIGHT")).isPresent();
    }

    @Test
    void dayCentreTransportHasNoFinanceCodeSoTheNoFinanceMappingFailureCanHappen() {
        assertThat(mappings.rate("DAY_CARE", "TRANSPORT", LocalDate.of(2026, 6, 1))).isPresent();
        assertThat(mappings.financeCode("DAY_CARE", "TRANSPORT")).isEmpty();
        assertThat(mappings.financeCode("DAY_CARE", "SESSION").orElseThrow().costCentre()).isEqualTo("ASC-DAY");
    }

    @Test
    void contractIsInForceOnlyBetweenItsDates() {
        assertThat(mappings.contract("PRV-001", "HOMECARE", LocalDate.of(2026, 3, 31)).orElseThrow().contractRef())
                .isEqualTo("HC-FW22-001");
        assertThat(mappings.contract("PRV-001", "HOMECARE", LocalDate.of(2030, 1, 1)).orElseThrow().contractRef())
                .isEqualTo("HC-FW26-001");
        // Meadowbank did not join the 2026 framework: its contract expired.
        assertThat(mappings.contract("PRV-002", "HOMECARE", LocalDate.of(2026, 3, 31))).isPresent();
        assertThat(mappings.contract("PRV-002", "HOMECARE", LocalDate.of(2026, 4, 1))).isEmpty();
    }

    @Test
    void willowCourtHasANursingContractButNoResidentialOne() {
        assertThat(mappings.contract("PRV-008", "NURSING", LocalDate.of(2026, 1, 1))).isPresent();
        assertThat(mappings.contract("PRV-008", "RESIDENTIAL", LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void supportedLivingRequiresASleepInNightAndSection117IsNotChargeable() {
        ServiceDefinition supportedLiving = mappings.service("SUPPORTED_LIVING").orElseThrow();
        assertThat(supportedLiving.requiredElements()).containsExactly("SLEEP_IN");
        assertThat(supportedLiving.chargeable()).isTrue();
        assertThat(mappings.service("HOMECARE").orElseThrow().requiredElements()).isEmpty();
        assertThat(mappings.service("S117_AFTERCARE").orElseThrow().chargeable()).isFalse();
    }

    @Test
    void elementsCarryTheirUnitAndWeeklyMaximum() {
        ServiceElement personalCare = mappings.element("HOMECARE", "PERSONAL_CARE").orElseThrow();
        assertThat(personalCare.unit()).isEqualTo("hour");
        assertThat(personalCare.maxUnitsPerWeek()).isEqualByComparingTo(BigDecimal.valueOf(84));
        assertThat(mappings.element("RESIDENTIAL", "BED").orElseThrow().maxUnitsPerWeek()).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void providersAreFoundByRefWithTheirInvoiceSenders() {
        assertThat(mappings.providers()).hasSize(8);
        assertThat(mappings.provider("PRV-001").orElseThrow().invoiceSenders())
                .containsExactly("invoices@brightwater-care.test", "accounts@brightwater-care.test");
        assertThat(mappings.provider("PRV-999")).isEmpty();
    }

    @Test
    void sftpAccountsAreFoundByUsernameAndBelongToListedProviders() {
        SftpAccount brightwater = mappings.sftpAccount("brightwater").orElseThrow();
        assertThat(brightwater.providerRef()).isEqualTo("PRV-001");
        assertThat(brightwater.passwordHash()).startsWith("{bcrypt}");
        assertThat(mappings.sftpAccounts()).extracting(SftpAccount::providerRef)
                .allSatisfy(ref -> assertThat(mappings.provider(ref)).isPresent())
                .doesNotContain("PRV-004");
    }

    @Test
    void reasonExplanationAndFixAreFilledWithTheDetails() {
        FailureReason reason = mappings.reason("NO_CONTRACT_FOR_SERVICE");
        Map<String, Object> details = Map.of("careLineId", "CPLI-1042", "providerRef", "PRV-008",
                "serviceCode", "RESIDENTIAL", "date", LocalDate.of(2026, 1, 5));

        assertThat(reason.explain(details)).isEqualTo("Care line CPLI-1042 buys RESIDENTIAL from provider PRV-008 on 2026-01-05,"
                + " but the council has no contract with that provider for that service in force on that date.");
        assertThat(reason.ownerTeam()).isEqualTo("CARE_NAVIGATION");
        assertThat(reason.kind()).isEqualTo(FailureKind.BUSINESS);
        assertThat(mappings.reason("NO_RATE_CARD_ENTRY").fix(Map.of("serviceCode", "SUPPORTED_LIVING",
                "elementCode", "WAKING_NIGHT", "date", "2026-06-01")))
                .startsWith("Care Finance Systems adds the agreed rate for SUPPORTED_LIVING WAKING_NIGHT from 2026-06-01 to mappings/rate-card.csv");
    }

    @Test
    void onlyMappingGapsAreRetriedOnReloadAndFinanceDownIsTechnical() {
        assertThat(mappings.reason("NO_FINANCE_MAPPING").retryOnMappingReload()).isTrue();
        assertThat(mappings.reason("NO_RATE_CARD_ENTRY").retryOnMappingReload()).isTrue();
        assertThat(mappings.reason("RATE_NOT_ON_RATE_CARD").retryOnMappingReload()).isFalse();
        assertThat(mappings.reason("FINANCE_UNAVAILABLE").kind()).isEqualTo(FailureKind.TECHNICAL);
        assertThat(mappings.reason("HUB_INTERNAL_ERROR").ownerTeam()).isEqualTo("HUB_SUPPORT");
    }

    @Test
    void everyReasonIsOwnedByAListedTeam() {
        assertThat(mappings.reasons()).allSatisfy(reason -> assertThat(mappings.ownerTeam(reason.ownerTeam())).isPresent());
        assertThat(mappings.ownerTeam("SOCIAL_WORK").orElseThrow().mailbox()).isEqualTo("social-work@council.test");
        assertThat(mappings.ownerTeams()).hasSize(6);
    }

    @Test
    void anUnknownReasonCodeIsAProgrammingError() {
        assertThatThrownBy(() -> mappings.reason("NO_SUCH_REASON"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NO_SUCH_REASON");
    }
}
