package org.carehub.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carehub.reference.MappingsFixture.problems;
import static org.carehub.reference.MappingsFixture.put;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nhs-bodies.csv and funding-schemes.yaml: read with the other mappings, each mistake named by file, line and column. */
class CoFundingTest {

    @TempDir
    Path temp;

    @Test
    void bodiesAndSchemesAreRead() {
        MappingsSnapshot mappings = new MappingsLoader(MappingsFixture.write(temp)).load();
        assertThat(mappings.nhsBody("QWE")).get().extracting(NhsBody::claimsMailbox).isEqualTo("claims@swl-icb.test");
        FundingScheme chc = mappings.fundingScheme("CHC").orElseThrow();
        assertThat(chc.fixedSharePercent()).isEqualByComparingTo(BigDecimal.valueOf(100));
        assertThat(chc.coversService("SUPPORTED_LIVING")).isTrue();
        FundingScheme joint = mappings.fundingScheme("JOINT").orElseThrow();
        assertThat(joint.shareOnCareLine()).isTrue();
        assertThat(joint.coversService("NURSING")).isFalse();
        assertThat(mappings.financeCodeOfElementType("SL-SLEEP")).get().extracting(FinanceCode::serviceCode)
                .isEqualTo("SUPPORTED_LIVING");
    }

    @Test
    void mistakesAreNamedByFileLineAndColumn() {
        Path dir = MappingsFixture.write(temp);
        put(dir, CoFunding.BODIES_FILE, "code,name,address,claims_mailbox", "QWE,SWL ICB,London,not-a-mailbox");
        put(dir, CoFunding.SCHEMES_FILE,
                "- code: CHC",
                "  name: NHS Continuing Healthcare",
                "  share: 120",
                "  services: all",
                "- code: JOINT",
                "  name: Joint",
                "  share: care line",
                "  services: HOMECARE; GARDENING");
        assertThat(problems(dir)).containsExactly(
                "mappings/nhs-bodies.csv:2:4 (claims_mailbox): 'not-a-mailbox' is not a mail address",
                "mappings/funding-schemes.yaml:3:10 (share): '120' must be a percentage above 0 and at most 100 (like 50 or"
                        + " 37.5), or 'care line' when each care line records its share",
                "mappings/funding-schemes.yaml:8:13 (services): unknown service 'GARDENING'; it is not in services.csv"
                        + " (write 'all' for every service)");
    }
}
