package org.carehub.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reason catalogue is read with every problem placed at its line and column in failure-reasons.yaml. */
class FailureReasonCatalogueReaderTest {

    private static final Set<String> TEAMS = Set.of("CARE_NAVIGATION", "ACCOUNTS_PAYABLE");

    @TempDir
    Path temp;

    private final MappingProblems problems = new MappingProblems();

    private List<FailureReason> read(String yaml) {
        Path dir = temp.resolve("mappings");
        MappingsFixture.put(dir, FailureReasonCatalogueReader.FILE, yaml);
        return new FailureReasonCatalogueReader(dir, problems).read(TEAMS::contains);
    }

    @Test
    void readsAnEntryWithFoldedText() {
        List<FailureReason> reasons = read("""
                # a comment
                - code: LATE_INVOICE
                  title: Invoice arrived late
                  explanation: >-
                    Invoice {value} arrived
                    after the cut-off.
                  fix: Accounts Payable pays it in the next run.
                  owner: ACCOUNTS_PAYABLE
                  kind: technical
                  retryOnMappingReload: true
                """);

        assertThat(problems.list()).isEmpty();
        assertThat(reasons).containsExactly(new FailureReason("LATE_INVOICE", "Invoice arrived late",
                "Invoice {value} arrived after the cut-off.", "Accounts Payable pays it in the next run.",
                "ACCOUNTS_PAYABLE", FailureKind.TECHNICAL, true));
        assertThat(reasons.get(0).explain(Map.of("value", "INV-77"))).isEqualTo("Invoice INV-77 arrived after the cut-off.");
    }

    @Test
    void ownerMustBeAListedTeamKindBusinessOrTechnicalAndRetryTrueOrFalse() {
        List<FailureReason> reasons = read("""
                - code: LATE_INVOICE
                  title: Invoice arrived late
                  explanation: Invoice {value} arrived after the cut-off.
                  fix: Accounts Payable pays it in the next run.
                  owner: FINANCE
                  kind: urgent
                  retryOnMappingReload: yes
                """);

        assertThat(reasons).isEmpty();
        assertThat(problems.list()).containsExactly(
                "mappings/failure-reasons.yaml:5:10 (owner): unknown owner team 'FINANCE'; it is not in owner-teams.csv",
                "mappings/failure-reasons.yaml:6:9 (kind): 'urgent' is not a kind; use business or technical",
                "mappings/failure-reasons.yaml:7:25 (retryOnMappingReload): 'yes' must be true or false");
    }

    @Test
    void placeholderSyntaxMistakesAreReported() {
        read("""
                - code: LATE_INVOICE
                  title: Invoice value} arrived late
                  explanation: Invoice {value arrived after {cut off}.
                  fix: Accounts Payable pays it in the next run.
                  owner: ACCOUNTS_PAYABLE
                  kind: business
                  retryOnMappingReload: false
                """);

        assertThat(problems.list()).containsExactly(
                "mappings/failure-reasons.yaml:2:10 (title): '}' at character 14 has no opening '{'",
                "mappings/failure-reasons.yaml:3:16 (explanation): '{' at character 9 is not closed with '}'",
                "mappings/failure-reasons.yaml:3:16 (explanation): '{cut off}' is not a placeholder; a name is letters and digits, like {providerRef}");
    }

    @Test
    void aReasonTheHubRaisesMayOnlyUseThePlaceholdersTheHubFills() {
        read("""
                - code: UNKNOWN_PROVIDER
                  title: Provider not known
                  explanation: Care line {careLineId} names provider {provider}.
                  fix: In LAS, open the care line and choose the right provider.
                  owner: CARE_NAVIGATION
                  kind: business
                  retryOnMappingReload: true
                """);

        assertThat(problems.list()).containsExactly("mappings/failure-reasons.yaml:3:16 (explanation): {provider} is not filled in"
                + " by the hub for UNKNOWN_PROVIDER; it fills {providerRef}, {field}, {value}, {careLineId}, {clientId}, {journeyId}");
    }

    @Test
    void unknownAndMissingKeysAreReported() {
        read("""
                - code: LATE_INVOICE
                  title: Invoice arrived late
                  explanation: Invoice {value} arrived after the cut-off.
                  owner_team: ACCOUNTS_PAYABLE
                  kind: business
                  retryOnMappingReload: false
                """);

        String keys = "code, title, explanation, fix, owner, kind, retryOnMappingReload";
        assertThat(problems.list()).containsExactly(
                "mappings/failure-reasons.yaml:4:3 (owner_team): unknown key; a reason has " + keys,
                "mappings/failure-reasons.yaml:1:3 (fix): is missing; every reason has " + keys,
                "mappings/failure-reasons.yaml:1:3 (owner): is missing; every reason has " + keys);
    }

    @Test
    void blankNestedAndRepeatedValuesAreReported() {
        read("""
                - code: late_invoice
                  title: ""
                  explanation: Invoice {value} arrived after the cut-off.
                  fix:
                    - Accounts Payable pays it in the next run.
                  owner: ACCOUNTS_PAYABLE
                  kind: business
                  kind: technical
                  retryOnMappingReload: false
                """);

        assertThat(problems.list()).containsExactly(
                "mappings/failure-reasons.yaml:5:5 (fix): must be a single value, not a list or nested keys",
                "mappings/failure-reasons.yaml:8:3 (kind): the key is given twice in this reason",
                "mappings/failure-reasons.yaml:1:9 (code): 'late_invoice' must be capital letters, digits and underscores, like NO_RATE_CARD_ENTRY",
                "mappings/failure-reasons.yaml:2:10 (title): is blank; a value is required");
    }

    @Test
    void aCodeMayBeCataloguedOnce() {
        String entry = """
                - code: LATE_INVOICE
                  title: Invoice arrived late
                  explanation: Invoice {value} arrived after the cut-off.
                  fix: Accounts Payable pays it in the next run.
                  owner: ACCOUNTS_PAYABLE
                  kind: business
                  retryOnMappingReload: false
                """;

        List<FailureReason> reasons = read(entry + entry);

        assertThat(reasons).hasSize(1);
        assertThat(problems.list()).containsExactly("mappings/failure-reasons.yaml:8:9 (code): duplicate reason code 'LATE_INVOICE', already on line 1");
    }

    @Test
    void theFileMustBeAList() {
        read("""
                code: LATE_INVOICE
                title: Invoice arrived late
                """);

        assertThat(problems.list()).containsExactly(
                "mappings/failure-reasons.yaml:1:1: the file must be a list of failure reasons, each starting with '- code:'");
    }

    @Test
    void anEmptyFileIsReported() {
        read("# nothing yet");

        assertThat(problems.list()).containsExactly("mappings/failure-reasons.yaml:1:1: the file is empty; it must be a list of failure reasons");
    }

    @Test
    void aYamlSyntaxErrorIsPlaced() {
        read("""
                - code: LATE_INVOICE
                  title: Invoice arrived late
                 explanation: Invoice {value} arrived after the cut-off.
                """);

        assertThat(problems.list()).singleElement().asString().startsWith("mappings/failure-reasons.yaml:3:2: not valid YAML: ");
    }
}
