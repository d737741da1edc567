package org.carehub.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carehub.reference.MappingsFixture.problems;
import static org.carehub.reference.MappingsFixture.RATE_HEADER;
import static org.carehub.reference.MappingsFixture.put;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each check on the CSV mapping files reports file, line, column and what is wrong. */
class CsvMappingValidationTest {

    private static final String CONTRACT_HEADER = "provider_ref,contract_ref,service_code,valid_from,valid_to";
    private static final String PROVIDER_HEADER = "provider_ref,name,invoice_senders";
    private static final String ACCOUNT_HEADER = "provider_ref,username,password,authorized_keys";

    private static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAID/gnrCijIsvBY+DINq6OxMKlhdKhj7AfDmN9WXfnL50 provider@laptop";

    @TempDir
    Path temp;

    private Path dir;

    @BeforeEach
    void writeValidMappings() {
        dir = MappingsFixture.write(temp);
    }

    @Test
    void theFixtureItselfLoads() {
        assertThat(new MappingsLoader(dir).load().providers()).hasSize(2);
    }

    @Test
    void missingColumnIsReportedAndTheFileIsNotRead() {
        put(dir, "rate-card.csv",
                "service_code,element_code,unit,rate,valid_from,valid_to",
                "HOMECARE,PERSONAL_CARE,hour,abc,2025-04-01,");

        assertThat(problems(dir)).containsExactly("mappings/rate-card.csv:1:7 (framework): missing column; the header must name "
                + RATE_HEADER);
    }

    @Test
    void misspeltColumnIsReportedAsUnknownAndMissing() {
        put(dir, "rate-card.csv",
                "service_code,element_code,unit,rate,valid_from,valid_to,frame_work",
                "HOMECARE,PERSONAL_CARE,hour,24.50,2025-04-01,,Home Care Framework 2022-2026");

        assertThat(problems(dir)).containsExactly(
                "mappings/rate-card.csv:1:7 (frame_work): unknown column; the header must name " + RATE_HEADER,
                "mappings/rate-card.csv:1:7 (framework): missing column; the header must name " + RATE_HEADER);
    }

    @Test
    void columnsMayComeInAnyOrder() {
        put(dir, "rate-card.csv",
                "framework,service_code,element_code,unit,rate,valid_from,valid_to",
                "Home Care Framework 2022-2026,HOMECARE,PERSONAL_CARE,hour,24.50,2025-04-01,");

        assertThat(new MappingsLoader(dir).load().rate("HOMECARE", "PERSONAL_CARE", java.time.LocalDate.of(2026, 1, 1))
                .orElseThrow().framework()).isEqualTo("Home Care Framework 2022-2026");
    }

    @Test
    void rowWithAnUnquotedCommaHasTooManyCells() {
        put(dir, "providers.csv",
                PROVIDER_HEADER,
                "PRV-001,Brightwater Home Care Ltd,invoices@brightwater.test",
                "PRV-003,Oakfield Supported Living, CIC,invoicing@oakfield.test");

        assertThat(problems(dir)).contains("mappings/providers.csv:3:4: the row has 4 cells but the header has 3 columns;"
                + " a value with a comma must be in double quotes");
    }

    @Test
    void rowWithTooFewCellsNamesTheFirstMissingColumn() {
        put(dir, "rate-card.csv",
                RATE_HEADER,
                "HOMECARE,PERSONAL_CARE,hour,24.50,2025-04-01,");

        assertThat(problems(dir)).containsExactly("mappings/rate-card.csv:2:7 (framework): the row has 6 cells but the header has 7 columns");
    }

    @Test
    void blankLinesAndEmptyExcelRowsAreSkippedAndLineNumbersStayTrue() {
        put(dir, "rate-card.csv",
                RATE_HEADER,
                "",
                ",,,,,,",
                "HOMECARE,PERSONAL_CARE,hour,\"24.50\nper hour\",2025-04-01,,Home Care Framework 2022-2026",
                "",
                "SUPPORTED_LIVING,SLEEP_IN,night,abc,2025-04-01,,LD Sleep-in Uplift 2025");

        assertThat(problems(dir)).containsExactly(
                "mappings/rate-card.csv:4:4 (rate): '24.50\nper hour' is not an amount in pounds",
                "mappings/rate-card.csv:7:4 (rate): 'abc' is not an amount in pounds");
    }

    @Test
    void unclosedQuoteStopsTheFileAtTheRowItStarts() {
        put(dir, "rate-card.csv",
                RATE_HEADER,
                "HOMECARE,PERSONAL_CARE,hour,24.50,2025-04-01,,\"Home Care Framework 2022-2026",
                "SUPPORTED_LIVING,SLEEP_IN,night,118.50,2025-04-01,,LD Sleep-in Uplift 2025");

        assertThat(problems(dir)).singleElement().asString().startsWith("mappings/rate-card.csv:2:1: not readable as CSV from here on;"
                + " look for a double quote (\") that is not closed or has text after it. Detail: ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            abc     | 'abc' is not an amount in pounds
            £24.50  | '£24.50' is not an amount in pounds
            1e3     | '1e3' is not an amount in pounds
            -1.00   | '-1.00' is negative
            24.505  | '24.505' has more than 2 decimal places; give pounds and pence, like 24.50
            """)
    void rateMustBeAnAmountInPounds(String rate, String problem) {
        put(dir, "rate-card.csv",
                RATE_HEADER,
                "HOMECARE,PERSONAL_CARE,hour," + rate + ",2025-04-01,,Home Care Framework 2022-2026");

        assertThat(problems(dir)).containsExactly("mappings/rate-card.csv:2:4 (rate): " + problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            lots | 'lots' is not a number
            0    | '0' must be more than 0
            -7   | '-7' is negative
            """)
    void weeklyMaximumMustBeAPositiveNumber(String max, String problem) {
        put(dir, "service-elements.csv",
                "service_code,element_code,name,unit,max_units_per_week",
                "HOMECARE,PERSONAL_CARE,Personal care,hour,84",
                "SUPPORTED_LIVING,DAY_SUPPORT,Day support,hour,112",
                "SUPPORTED_LIVING,SLEEP_IN,Sleep-in night,night," + max);

        assertThat(problems(dir)).containsExactly("mappings/service-elements.csv:4:5 (max_units_per_week): " + problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            01/04/2025 | '01/04/2025' is not a date in the form yyyy-MM-dd
            2025-02-29 | '2025-02-29' is not a date in the form yyyy-MM-dd
            2025-4-1   | '2025-4-1' is not a date in the form yyyy-MM-dd
            """)
    void datesMustBeIsoDates(String date, String problem) {
        put(dir, "provider-contracts.csv",
                CONTRACT_HEADER,
                "PRV-001,HC-1,HOMECARE," + date + ",",
                "PRV-003,SL-1,SUPPORTED_LIVING,2025-04-01,2027-03-31");

        assertThat(problems(dir)).containsExactly("mappings/provider-contracts.csv:2:4 (valid_from): " + problem);
    }

    @Test
    void chargeableMustBeYOrN() {
        put(dir, "services.csv",
                "service_code,name,chargeable,required_elements",
                "HOMECARE,Home care,Yes,",
                "SUPPORTED_LIVING,Supported living,Y,SLEEP_IN");

        assertThat(problems(dir)).containsExactly("mappings/services.csv:2:3 (chargeable): 'Yes' must be Y or N");
    }

    @Test
    void requiredCellsMustBeFilledIn() {
        put(dir, "providers.csv",
                PROVIDER_HEADER,
                "PRV-001,  ,invoices@brightwater.test",
                "PRV-003,Oakfield Supported Living CIC,invoicing@oakfield.test");
        put(dir, "provider-contracts.csv",
                CONTRACT_HEADER,
                "PRV-001,HC-1,HOMECARE,,",
                "PRV-003,SL-1,SUPPORTED_LIVING,2025-04-01,2027-03-31");

        assertThat(problems(dir)).containsExactly(
                "mappings/providers.csv:2:2 (name): is blank; a value is required",
                "mappings/provider-contracts.csv:2:4 (valid_from): is blank; a value is required");
    }

    @Test
    void duplicateKeysPointAtTheFirstOne() {
        put(dir, "providers.csv",
                PROVIDER_HEADER,
                "PRV-001,Brightwater Home Care Ltd,invoices@brightwater.test",
                "PRV-003,Oakfield Supported Living CIC,invoicing@oakfield.test",
                "PRV-001,Brightwater Care (duplicate),");
        put(dir, "finance-codes.csv",
                "service_code,element_code,contrOCC_element_type,ledger_code,cost_centre",
                "HOMECARE,PERSONAL_CARE,DOM-PC,52110,ASC-OP-HOME",
                "HOMECARE,PERSONAL_CARE,DOM-PC2,52110,ASC-OP-HOME");

        assertThat(problems(dir)).containsExactly(
                "mappings/providers.csv:4:1 (provider_ref): duplicate provider_ref 'PRV-001', already on line 2",
                "mappings/finance-codes.csv:3:2 (element_code): duplicate finance code for element 'HOMECARE/PERSONAL_CARE', already on line 2");
    }

    @Test
    void validToMustNotBeBeforeValidFrom() {
        put(dir, "provider-contracts.csv",
                CONTRACT_HEADER,
                "PRV-001,HC-1,HOMECARE,2025-04-01,2025-03-31",
                "PRV-003,SL-1,SUPPORTED_LIVING,2025-04-01,2027-03-31");

        assertThat(problems(dir)).containsExactly("mappings/provider-contracts.csv:2:5 (valid_to): 2025-03-31 is before valid_from 2025-04-01");
    }

    @Test
    void rateCardPeriodsForOneElementMustNotOverlap() {
        put(dir, "rate-card.csv",
                RATE_HEADER,
                "HOMECARE,PERSONAL_CARE,hour,24.50,2025-04-01,2026-03-31,Home Care Framework 2022-2026",
                "HOMECARE,PERSONAL_CARE,hour,26.10,2026-03-31,,Home Care Framework 2026-2030",
                "SUPPORTED_LIVING,SLEEP_IN,night,118.50,2025-04-01,,LD Sleep-in Uplift 2025");

        assertThat(problems(dir)).containsExactly("mappings/rate-card.csv:3:5 (valid_from): 2026-03-31 onwards overlaps"
                + " 2025-04-01 to 2026-03-31 on line 2 for HOMECARE/PERSONAL_CARE; only one can be in force on a date");
    }

    @Test
    void aProvidersContractsForOneServiceMustNotOverlap() {
        put(dir, "provider-contracts.csv",
                CONTRACT_HEADER,
                "PRV-001,HC-1,HOMECARE,2025-04-01,",
                "PRV-001,HC-2,HOMECARE,2027-01-01,2027-12-31");

        assertThat(problems(dir)).containsExactly("mappings/provider-contracts.csv:3:4 (valid_from): 2027-01-01 to 2027-12-31 overlaps"
                + " 2025-04-01 onwards on line 2 for PRV-001 HOMECARE; only one can be in force on a date");
    }

    @Test
    void referencesToUnknownServicesElementsAndProvidersAreReported() {
        put(dir, "provider-contracts.csv",
                CONTRACT_HEADER,
                "PRV-009,HC-9,HOMECARE,2025-04-01,",
                "PRV-003,SL-1,SUPPORTED_LIVNG,2025-04-01,2027-03-31");
        put(dir, "rate-card.csv",
                RATE_HEADER,
                "HOMECARE,PERSONAL_CARE,hour,24.50,2025-04-01,,Home Care Framework 2022-2026",
                "HOMECARE,SLEEP_IN,night,118.50,2025-04-01,,LD Sleep-in Uplift 2025");

        assertThat(problems(dir)).containsExactly(
                "mappings/provider-contracts.csv:2:1 (provider_ref): unknown provider 'PRV-009'; it is not in providers.csv",
                "mappings/provider-contracts.csv:3:3 (service_code): unknown service 'SUPPORTED_LIVNG'; it is not in services.csv",
                "mappings/rate-card.csv:3:2 (element_code): 'SLEEP_IN' is not an element of HOMECARE in service-elements.csv");
    }

    @Test
    void aRequiredElementMustBeAnElementOfTheService() {
        put(dir, "services.csv",
                "service_code,name,chargeable,required_elements",
                "HOMECARE,Home care,Y,",
                "SUPPORTED_LIVING,Supported living,Y,SLEEP_IN;WAKING_NIGHT");

        assertThat(problems(dir)).containsExactly("mappings/services.csv:3:4 (required_elements): 'WAKING_NIGHT' is not an element"
                + " of SUPPORTED_LIVING in service-elements.csv");
    }

    @Test
    void rateCardUnitMustBeTheElementsUnit() {
        put(dir, "rate-card.csv",
                RATE_HEADER,
                "HOMECARE,PERSONAL_CARE,visit,24.50,2025-04-01,,Home Care Framework 2022-2026");

        assertThat(problems(dir)).containsExactly("mappings/rate-card.csv:2:3 (unit): 'visit' is not the unit of HOMECARE/PERSONAL_CARE"
                + " in service-elements.csv ('hour')");
    }

    @Test
    void anInvoiceSenderBelongsToOneProviderAndMustBeAnEmailAddress() {
        put(dir, "providers.csv",
                PROVIDER_HEADER,
                "PRV-001,Brightwater Home Care Ltd,invoices@brightwater.test;accounts at brightwater",
                "PRV-003,Oakfield Supported Living CIC,Invoices@Brightwater.test");

        assertThat(problems(dir)).containsExactly(
                "mappings/providers.csv:2:3 (invoice_senders): 'accounts at brightwater' is not an email address",
                "mappings/providers.csv:3:3 (invoice_senders): 'Invoices@Brightwater.test' is already an invoice sender of PRV-001");
    }

    @Test
    void anSftpAccountBelongsToOneListedProviderAndItsUsernameToOneAccount() {
        put(dir, SftpAccounts.FILE,
                ACCOUNT_HEADER,
                "PRV-001,brightwater," + MappingsFixture.BRIGHTWATER_PASSWORD_HASH + ",",
                "PRV-003,brightwater," + MappingsFixture.BRIGHTWATER_PASSWORD_HASH + ",",
                "PRV-001,brightwater2," + MappingsFixture.BRIGHTWATER_PASSWORD_HASH + ",",
                "PRV-999,nobody," + MappingsFixture.BRIGHTWATER_PASSWORD_HASH + ",",
                "../PRV-001,sneaky," + MappingsFixture.BRIGHTWATER_PASSWORD_HASH + ",");

        assertThat(problems(dir)).containsExactly(
                "mappings/provider-sftp-accounts.csv:3:2 (username): duplicate username 'brightwater', already on line 2",
                "mappings/provider-sftp-accounts.csv:4:1 (provider_ref): duplicate provider_ref 'PRV-001', already on line 2",
                "mappings/provider-sftp-accounts.csv:5:1 (provider_ref): unknown provider 'PRV-999'; it is not in providers.csv",
                "mappings/provider-sftp-accounts.csv:6:1 (provider_ref): '../PRV-001' cannot name the account's folder;"
                        + " use letters, digits, '-' and '_'");
    }

    @Test
    void anSftpAccountMaySignInByEd25519KeyAlone() {
        put(dir, SftpAccounts.FILE,
                ACCOUNT_HEADER,
                "PRV-001,brightwater,,\"" + ED25519 + "\"");

        SftpAccount account = new MappingsLoader(dir).load().sftpAccount("brightwater").orElseThrow();

        assertThat(account.passwordHash()).isNull();
        assertThat(account.authorizedKeys()).singleElement().satisfies(key -> assertThat(key.getAlgorithm()).isIn("EdDSA", "Ed25519"));
    }

    @Test
    void anSftpAccountSignsInWithABcryptHashOrOpenSshKeysAndNeedsOneOfThem() {
        put(dir, SftpAccounts.FILE,
                ACCOUNT_HEADER,
                "PRV-001,brightwater,brightwater-pass,",
                "PRV-003,Oakfield,,",
                "PRV-004,oakfield,,ssh-ed25519 not-base64;" + ED25519);
        put(dir, "providers.csv",
                PROVIDER_HEADER,
                "PRV-001,Brightwater Home Care Ltd,invoices@brightwater.test",
                "PRV-003,Oakfield Supported Living CIC,invoicing@oakfield.test",
                "PRV-004,Riverside Lodge,accounts@riverside.test");

        assertThat(problems(dir)).containsExactly(
                "mappings/provider-sftp-accounts.csv:2:3 (password): is not a {bcrypt} hash; never put a password itself here"
                        + " (README, \"Providers: SFTP\")",
                "mappings/provider-sftp-accounts.csv:3:2 (username): 'Oakfield' is not a username; use 2 to 32 lower-case letters,"
                        + " digits, '.', '-' or '_', starting with a letter",
                "mappings/provider-sftp-accounts.csv:3:3 (password): the account has no password and no authorized key,"
                        + " so nobody could sign in",
                "mappings/provider-sftp-accounts.csv:4:4 (authorized_keys): 'ssh-ed25519 not-base64' is not an OpenSSH public key"
                        + " (ssh-ed25519, ecdsa-sha2-nistp256/384/521 or ssh-rsa, as in a .pub file)");
    }
}
