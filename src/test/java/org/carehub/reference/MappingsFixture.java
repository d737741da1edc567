package org.carehub.reference;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small, valid mappings folder for tests, so a test can replace one file with a broken version and
 * read exact line numbers. The reason catalogue is the shipped one.
 */
public final class MappingsFixture {

    static final Path SHIPPED = Path.of("mappings");
    /** bcrypt (cost 4) of brightwater-pass. */
    static final String BRIGHTWATER_PASSWORD_HASH = "{bcrypt}$2a$04$M5usKBTsl7kF3p3d/ufhhuWcmDoxTgG.d0Q.t4MaQDZRYTYfL2ABa";
    static final String RATE_HEADER = "service_code,element_code,unit,rate,valid_from,valid_to,framework";

    private MappingsFixture() {
    }

    /** Writes the folder {@code parent/mappings} and returns it. */
    public static Path write(Path parent) {
        Path dir = parent.resolve("mappings");
        put(dir, "owner-teams.csv",
                "code,name,mailbox",
                "SOCIAL_WORK,Adult Social Work,social-work@council.test",
                "CARE_NAVIGATION,Care Navigation,care-navigation@council.test",
                "PROVIDER,Provider Relations,provider-relations@council.test",
                "FINANCE_SYSTEMS,Care Finance Systems,finance-systems@council.test",
                "HUB_SUPPORT,Integration Hub Support,hub-support@council.test",
                "ACCOUNTS_PAYABLE,Accounts Payable,accounts-payable@council.test");
        put(dir, "services.csv",
                "service_code,name,chargeable,required_elements",
                "HOMECARE,Home care,Y,",
                "SUPPORTED_LIVING,Supported living,Y,SLEEP_IN");
        put(dir, "service-elements.csv",
                "service_code,element_code,name,unit,max_units_per_week",
                "HOMECARE,PERSONAL_CARE,Personal care,hour,84",
                "SUPPORTED_LIVING,DAY_SUPPORT,Day support,hour,112",
                "SUPPORTED_LIVING,SLEEP_IN,Sleep-in night,night,7");
        put(dir, "providers.csv",
                "provider_ref,name,invoice_senders",
                "PRV-001,Brightwater Home Care Ltd,invoices@brightwater.test",
                "PRV-003,Oakfield Supported Living CIC,invoicing@oakfield.test");
        put(dir, SftpAccounts.FILE,
                "provider_ref,username,password,authorized_keys",
                "PRV-001,brightwater," + BRIGHTWATER_PASSWORD_HASH + ",");
        put(dir, "provider-contracts.csv",
                "provider_ref,contract_ref,service_code,valid_from,valid_to",
                "PRV-001,HC-1,HOMECARE,2025-04-01,",
                "PRV-003,SL-1,SUPPORTED_LIVING,2025-04-01,2027-03-31");
        put(dir, "rate-card.csv",
                RATE_HEADER,
                "HOMECARE,PERSONAL_CARE,hour,24.50,2025-04-01,2026-03-31,Home Care Framework 2022-2026",
                "HOMECARE,PERSONAL_CARE,hour,26.10,2026-04-01,,Home Care Framework 2026-2030",
                "SUPPORTED_LIVING,SLEEP_IN,night,118.50,2025-04-01,,LD Sleep-in Uplift 2025");
        put(dir, "finance-codes.csv",
                "service_code,element_code,contrOCC_element_type,ledger_code,cost_centre",
                "HOMECARE,PERSONAL_CARE,DOM-PC,52110,ASC-OP-HOME",
                "SUPPORTED_LIVING,SLEEP_IN,SL-SLEEP,52215,ASC-LD-SL");
        put(dir, CoFunding.BODIES_FILE,
                "code,name,address,claims_mailbox",
                "QWE,NHS South West London ICB,\"120 The Broadway, London SW19 1RH\",claims@swl-icb.test");
        put(dir, CoFunding.SCHEMES_FILE,
                "- code: CHC",
                "  name: NHS Continuing Healthcare",
                "  share: 100",
                "  services: all",
                "- code: JOINT",
                "  name: Joint funded package",
                "  share: care line",
                "  services: HOMECARE; SUPPORTED_LIVING");
        try {
            Files.copy(SHIPPED.resolve(FailureReasonCatalogueReader.FILE), dir.resolve(FailureReasonCatalogueReader.FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Replaces a file with these lines. */
    static void put(Path dir, String file, String... lines) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems a load of the folder reports (it must fail). */
    static List<String> problems(Path dir) {
        return assertThrows(MappingsException.class, () -> new MappingsLoader(dir).load()).problems();
    }
}
