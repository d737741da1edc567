package org.carehub.deaths;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.carehub.TestDatabases;
import org.carehub.cases.CaseStore;
import org.carehub.cases.Client;
import org.carehub.finance.FinanceActual;
import org.carehub.finance.contrOCC.ProviderActual;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the feed keeps, and the case store look-ups it matches with, on H2 and PostgreSQL. */
class DeathRecordsTest {

    private static final LocalDate BORN = LocalDate.of(1938, 4, 2);
    private static final LocalDate DIED = LocalDate.of(2026, 4, 20);

    @ParameterizedTest
    @MethodSource("org.carehub.TestDatabases#both")
    void a_notification_is_recorded_once_with_its_outcome_and_its_LAS_task_sent_once(TestDatabases.Database database) {
        DeathRecords records = new DeathRecords(new JdbcTemplate(database.dataSource()));
        DeathNotification n = new DeathNotification("9434765919", "Joan", "Evans", BORN, DIED, "REGISTRAR", "R-1", "a.csv", 2);

        records.received(n, "J-1");
        records.received(new DeathNotification(null, "Other", "Name", BORN, DIED, "REGISTRAR", "R-1", "b.csv", 5), "J-2");
        records.outcome(n.key(), NotificationOutcome.AWAITING_LAS, "LAS-1");
        boolean sentBefore = records.lasTaskSent(n.key());
        records.lasTaskSentNow(n.key());

        assertThat(sentBefore).isFalse();
        assertThat(records.lasTaskSent(n.key())).isTrue();
        assertThat(records.journeysAwaitingLas("LAS-1")).containsExactly("J-1");
        assertThat(records.counts()).containsEntry(NotificationOutcome.AWAITING_LAS, 1L).containsEntry(NotificationOutcome.APPLIED, 0L);
        assertThat(records.list(null, 10)).singleElement().satisfies(r -> {
            assertThat(r.feedFile()).isEqualTo("a.csv");
            assertThat(r.forename()).isEqualTo("Joan");
            assertThat(r.dateOfDeath()).isEqualTo(DIED);
        });
        assertThat(records.list(NotificationOutcome.APPLIED, 10)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.carehub.TestDatabases#both")
    void an_overpayment_found_again_is_listed_once_and_the_list_adds_up(TestDatabases.Database database) {
        Overpayments overpayments = new Overpayments(new JdbcTemplate(database.dataSource()));
        List<FinanceActual> paid = List.of(actual("PA000001", "2026-04-06", "2026-05-03", "1044.00"),
                actual("PA000002", "2026-05-04", "2026-05-10", "261.00"));

        int first = overpayments.record(paid, DIED, "REGISTRAR:R-1");
        int again = overpayments.record(paid, DIED, "REGISTRAR:R-1");

        assertThat(first).isEqualTo(2);
        assertThat(again).isZero();
        Overpayments.RecoveryList list = overpayments.list("LAS-1");
        assertThat(list.overpayments()).extracting(Overpayment::overpaid)
                .containsExactly(new BigDecimal("484.71"), new BigDecimal("261.00"));
        assertThat(list.totalOverpaid()).isEqualByComparingTo("745.71");
        assertThat(overpayments.list("LAS-2").overpayments()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.carehub.TestDatabases#both")
    void clients_are_found_by_NHS_number_by_name_and_birth_ignoring_case_and_by_a_recorded_death(TestDatabases.Database database) {
        CaseStore cases = new CaseStore(new JdbcTemplate(database.dataSource()), new ObjectMapper().findAndRegisterModules());
        cases.saveClient(new Client("LAS-1", "943 476 5919", "Mrs", "Joan", "Evans", BORN, null, true, null), 1);
        cases.saveClient(new Client("LAS-2", null, "Mr", "Arthur", "Pike", BORN, null, true, DIED), 1);

        assertThat(cases.clientsByNhsNumber("9434765919")).extracting(Client::lasPersonId).containsExactly("LAS-1");
        assertThat(cases.clientsByNameAndBirth(" JOAN", "evans ", BORN)).extracting(Client::lasPersonId).containsExactly("LAS-1");
        assertThat(cases.clientsByNameAndBirth("Joan", "Evans", BORN.plusDays(1))).isEmpty();
        assertThat(cases.clientsWithDateOfDeath()).extracting(Client::lasPersonId).containsExactly("LAS-2");
    }

    private static FinanceActual actual(String financeId, String from, String to, String amount) {
        ProviderActual a = new ProviderActual();
        a.setProviderRef("PRV-001");
        a.setInvoiceNumber("INV-1");
        a.setLineId(financeId);
        a.setPersonRef("LAS-1");
        a.setCpliId("CPLI-1");
        a.setElementType("PERSONAL_CARE");
        a.setPeriodFrom(LocalDate.parse(from));
        a.setPeriodTo(LocalDate.parse(to));
        a.setAmount(new BigDecimal(amount));
        return new FinanceActual(financeId, a);
    }
}
