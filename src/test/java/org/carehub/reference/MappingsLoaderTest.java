package org.carehub.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.carehub.reference.MappingsFixture.problems;
import static org.carehub.reference.MappingsFixture.RATE_HEADER;
import static org.carehub.reference.MappingsFixture.put;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A load reports all problems of all files together, and copes with how spreadsheets save files. */
class MappingsLoaderTest {

    @TempDir
    Path temp;

    private Path dir;

    @BeforeEach
    void writeValidMappings() {
        dir = MappingsFixture.write(temp);
    }

    @Test
    void problemsInSeveralFilesAreReportedTogetherOneALine() {
        put(dir, "providers.csv",
                "provider_ref,name,invoice_senders",
                "PRV-001,Brightwater Home Care Ltd,invoices@brightwater.test",
                "PRV-003,,invoicing@oakfield.test");
        put(dir, "rate-card.csv",
                RATE_HEADER,
                "HOMECARE,PERSONAL_CARE,hour,abc,2025-04-01,2025-13-01,Home Care Framework 2022-2026");

        assertThatThrownBy(() -> new MappingsLoader(dir).load())
                .isInstanceOf(MappingsException.class)
                .hasMessage("The mappings in " + dir.toAbsolutePath() + " were not loaded (3 problems):\n"
                        + "mappings/providers.csv:3:2 (name): is blank; a value is required\n"
                        + "mappings/rate-card.csv:2:4 (rate): 'abc' is not an amount in pounds\n"
                        + "mappings/rate-card.csv:2:6 (valid_to): '2025-13-01' is not a date in the form yyyy-MM-dd");
    }

    @Test
    void aByteOrderMarkFromExcelIsAccepted() throws IOException {
        byte[] csv = "\uFEFFcode,name,mailbox\nSOCIAL_WORK,Adult Social Work,social-work@council.test\n"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("owner-teams.csv"), csv);
        put(dir, "failure-reasons.yaml", "\uFEFF" + Files.readString(MappingsFixture.SHIPPED.resolve("failure-reasons.yaml"))
                .replaceAll("owner: [A-Z_]+", "owner: SOCIAL_WORK"));

        MappingsSnapshot mappings = new MappingsLoader(dir).load();

        assertThat(mappings.ownerTeam("SOCIAL_WORK")).isPresent();
        assertThat(mappings.reason("UNKNOWN_PROVIDER").ownerTeam()).isEqualTo("SOCIAL_WORK");
    }

    @Test
    void aFileSavedInAnotherEncodingIsPlacedAtItsFirstBadCharacter() throws IOException {
        Files.write(dir.resolve("providers.csv"), ("provider_ref,name,invoice_senders\n"
                + "PRV-001,Brightwater Home Care Ltd,invoices@brightwater.test\n"
                + "PRV-003,Oakfield Caf\u00e9 Living,invoicing@oakfield.test\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(problems(dir)).containsExactly("mappings/providers.csv:3:21: the file is not UTF-8 text (byte 0xE9);"
                + " save it with UTF-8 encoding (in Excel: CSV UTF-8)");
    }

    @Test
    void aMissingFileIsReportedWithoutAlsoReportingEveryRowThatNamesItsKeys() throws IOException {
        Files.delete(dir.resolve("services.csv"));

        assertThat(problems(dir)).containsExactly("mappings/services.csv: the file is missing");
    }

    @Test
    void everyReasonTheHubRaisesMustBeCatalogued() throws IOException {
        String shipped = Files.readString(MappingsFixture.SHIPPED.resolve("failure-reasons.yaml"));
        int start = shipped.indexOf("- code: HUB_INTERNAL_ERROR");
        int next = shipped.indexOf("- code: ", start + 1);
        put(dir, "failure-reasons.yaml", shipped.substring(0, start) + (next < 0 ? "" : shipped.substring(next)));

        assertThat(problems(dir)).containsExactly("mappings/failure-reasons.yaml: no reason with code HUB_INTERNAL_ERROR, which the hub raises");
    }

    @Test
    void aReasonOwnedByAnUnlistedTeamIsReported() throws IOException {
        put(dir, "owner-teams.csv",
                "code,name,mailbox",
                "SOCIAL_WORK,Adult Social Work,social-work@council.test",
                "CARE_NAVIGATION,Care Navigation,care-navigation@council.test",
                "FINANCE_SYSTEMS,Care Finance Systems,finance-systems@council.test",
                "PROVIDER,Provider Relations,provider-relations@council.test",
                "ACCOUNTS_PAYABLE,Accounts Payable,accounts-payable@council.test");

        assertThat(problems(dir)).isNotEmpty().allSatisfy(problem -> assertThat(problem)
                .matches("mappings/failure-reasons\\.yaml:\\d+:10 \\(owner\\): unknown owner team 'HUB_SUPPORT'; it is not in owner-teams\\.csv"));
    }
}
