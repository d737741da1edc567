package org.carehub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.carehub.TestDatabases;
import org.carehub.finance.PaymentRun;
import org.carehub.finance.PaymentRun.BankAccount;
import org.carehub.finance.PaymentRun.PaidLine;
import org.carehub.finance.PaymentRun.ProviderPayment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The payments tables (V6) on H2 and PostgreSQL: a run taken once, payments filed once, the account last paid. */
class PaymentStoreTest {

    private static final BankAccount BRIGHTWATER = new BankAccount("089999", "66374958", "Brightwater Home Care Ltd");
    private static final PaymentRun RUN = new PaymentRun("PR000001", LocalDate.of(2026, 11, 27), Instant.parse("2026-11-23T07:00:00Z"),
            List.of(new ProviderPayment("PY000001", "PRV-001", new BigDecimal("391.50"), BRIGHTWATER, List.of(
                    new PaidLine("INV-1", "BW-1001", "1", "LAS-1", "CPLI-1", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8),
                            new BigDecimal("391.50"))))));

    private static PaymentStore store(TestDatabases.Database database) {
        return new PaymentStore(new JdbcTemplate(database.dataSource()),
                new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())), new ObjectMapper().findAndRegisterModules());
    }

    @ParameterizedTest
    @MethodSource("org.carehub.TestDatabases#both")
    void aRunIsTakenOnceWithItsPaymentsAndTheirLines(TestDatabases.Database database) {
        PaymentStore store = store(database);

        store.take(RUN);

        assertThat(store.taken("PR000001")).isTrue();
        assertThat(store.payments("PR000001", PaymentStatus.NEW)).singleElement().satisfies(p -> {
            assertThat(p.payment()).isEqualTo(RUN.payments().get(0));
            assertThat(p.paymentDate()).isEqualTo(RUN.paymentDate());
        });
        assertThatThrownBy(() -> store.take(RUN)).isNotNull();
        assertThat(store.payments("PR000001", PaymentStatus.NEW)).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("org.carehub.TestDatabases#both")
    void filingIsAllOrNothingAndRecordsTheAccountLastPaid(TestDatabases.Database database) {
        PaymentStore store = store(database);
        store.take(RUN);
        assertThat(store.status("PY000001", PaymentStatus.NEW, PaymentStatus.READY, null)).isTrue();
        List<StoredPayment> ready = store.ready();
        PaymentFile file = new PaymentFile("AP-PR000001.bacs", PaymentFileFormat.BACS_18, "content", 1, 39150);

        store.file("PR000001", List.of(file), ready);

        assertThat(store.payment("PY000001").orElseThrow().status()).isEqualTo(PaymentStatus.FILED);
        assertThat(store.lastPaidAccount("PRV-001")).hasValueSatisfying(a -> assertThat(a.sameAccountAs(BRIGHTWATER)).isTrue());
        assertThat(store.files("PR000001")).containsExactly(file);
        assertThat(store.released("AP-PR000001.bacs")).isFalse();
        // Filed again (another hub got there first): nothing changes, not even a second file row.
        PaymentFile second = new PaymentFile("AP-PR000001.xml", PaymentFileFormat.PAIN_001, "x", 1, 39150);
        assertThatThrownBy(() -> store.file("PR000001", List.of(second), ready)).hasMessageContaining("no longer ready");
        assertThat(store.files("PR000001")).containsExactly(file);
        store.markReleased("AP-PR000001.bacs");
        assertThat(store.released("AP-PR000001.bacs")).isTrue();
        assertThat(store.toRemit("PR000001")).extracting(StoredPayment::paymentRef).containsExactly("PY000001");
        store.remitted("PY000001");
        assertThat(store.toRemit("PR000001")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.carehub.TestDatabases#both")
    void aConfirmationCountsForThatProviderAndAccountOnly(TestDatabases.Database database) {
        PaymentStore store = store(database);
        BankAccount changed = new BankAccount("309070", "02355688", "");

        store.confirm("PRV-006", changed, "operator", "called on the number held on file");

        assertThat(store.confirmed("PRV-006", changed)).isTrue();
        assertThat(store.confirmed("PRV-007", changed)).isFalse();
        assertThat(store.confirmed("PRV-006", BRIGHTWATER)).isFalse();
    }
}
