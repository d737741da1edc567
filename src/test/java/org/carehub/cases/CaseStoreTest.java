package org.carehub.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.carehub.TestDatabases;
import org.carehub.TestDatabases.Database;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the hub applied of LAS clients and care lines, on both supported databases. */
class CaseStoreTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);


    @ParameterizedTest(name = "{0}")
    @MethodSource("org.carehub.TestDatabases#both")
    void a_client_is_stored_then_replaced_by_a_newer_version(Database db) {
        CaseStore store = new CaseStore(new JdbcTemplate(db.dataSource()), json);
        Client client = TestEvents.client("LAS-77");
        Client died = new Client("LAS-77", client.nhsNumber(), client.title(), client.forename(), client.surname(),
                client.dateOfBirth(), client.address(), client.chargeable(), LocalDate.of(2026, 10, 1));

        store.saveClient(client, 1);
        store.saveClient(died, 2);

        CaseStore.Versioned<Client> stored = store.client("LAS-77").orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.value()).isEqualTo(died);
        assertThat(store.client("LAS-unknown")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.carehub.TestDatabases#both")
    void a_care_line_keeps_its_elements_and_latest_version(Database db) {
        CaseStore store = new CaseStore(new JdbcTemplate(db.dataSource()), json);
        CareLine line = new CareLine("CPLI-9", "LAS-77", "SUPPORTED_LIVING", "PRV-003", "SL-2025-003",
                LocalDate.of(2026, 5, 1), null, null,
                List.of(new CareLineElement("DAY_SUPPORT", "hour", new BigDecimal("22.80"), new BigDecimal("30"), null),
                        new CareLineElement("SLEEP_IN", "night", new BigDecimal("118.50"), new BigDecimal("7"), null)),
                null);

        store.saveCareLine(line, 3);
        store.saveCareLine(TestEvents.withDates(line, line.startDate(), LocalDate.of(2026, 12, 31)), 4);

        CaseStore.Versioned<CareLine> stored = store.careLine("CPLI-9").orElseThrow();
        assertThat(stored.version()).isEqualTo(4);
        assertThat(stored.value().endDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(stored.value().elements()).extracting(CareLineElement::elementCode).containsExactly("DAY_SUPPORT", "SLEEP_IN");
    }
}
