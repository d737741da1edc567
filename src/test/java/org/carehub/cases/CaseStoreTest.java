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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.carehub.TestDatabases#both")
    void a_batch_snapshot_holds_the_asked_care_lines_and_their_clients_in_two_queries(Database db) {
        CaseStore store = new CaseStore(new JdbcTemplate(db.dataSource()), json);
        Client first = TestEvents.client(TestEvents.unique("LAS"));
        Client second = TestEvents.client(TestEvents.unique("LAS"));
        Client notAsked = TestEvents.client(TestEvents.unique("LAS"));
        List.of(first, second, notAsked).forEach(client -> store.saveClient(client, 1));
        CareLine a = careLineOf(first, TestEvents.unique("CPLI"));
        CareLine b = careLineOf(second, TestEvents.unique("CPLI"));
        CareLine c = careLineOf(notAsked, TestEvents.unique("CPLI"));
        store.saveCareLine(a, 2);
        store.saveCareLine(b, 5);
        store.saveCareLine(c, 1);

        CaseLookup batch = store.snapshot(List.of(a.cpliId(), b.cpliId(), "CPLI-unknown"));

        assertThat(batch.careLine(a.cpliId())).map(CaseStore.Versioned::version).contains(2);
        assertThat(batch.careLine(b.cpliId())).map(CaseStore.Versioned::value).contains(b);
        assertThat(batch.careLine("CPLI-unknown")).isEmpty();
        assertThat(batch.careLine(c.cpliId())).as("a line not asked for").isEmpty();
        assertThat(batch.client(first.lasPersonId())).map(CaseStore.Versioned::value).contains(first);
        assertThat(batch.client(second.lasPersonId())).isPresent();
        assertThat(batch.client(notAsked.lasPersonId())).as("a client of no line asked for").isEmpty();
    }

    private static CareLine careLineOf(Client client, String cpliId) {
        return new CareLine(cpliId, client.lasPersonId(), "SUPPORTED_LIVING", "PRV-003", "SL-2025-003",
                LocalDate.of(2026, 5, 1), null, null,
                List.of(new CareLineElement("DAY_SUPPORT", "hour", new BigDecimal("22.80"), new BigDecimal("30"), null)),
                null);
    }
}
