package org.carehub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.carehub.finance.PaymentRun.BankAccount;
import org.junit.jupiter.api.Test;

/** The Bacs Standard 18 file, field by field (positions as in docs/payment-files.md, 1-based there, 0-based here). */
class Bacs18FileTest {

    static final PaymentsProperties.Council COUNCIL =
            new PaymentsProperties.Council("Council Adult Social Care", "086090", "06774744", "Council ASC Payments", "123456");
    private static final List<PaymentInstruction> PAYMENTS = List.of(
            new PaymentInstruction("PY000001", "PRV-001", 39150, new BankAccount("089999", "66374958", "Brightwater Home Care Ltd")),
            new PaymentInstruction("PY000002", "PRV-004", 100000, new BankAccount("820000", "73688637", "St Anne's (Nursing) Home")));
    private static final LocalDate CREATED = LocalDate.of(2026, 11, 23);
    private static final LocalDate PAY_ON = LocalDate.of(2026, 11, 27);

    private final List<String> records = Bacs18File.write(12, CREATED, PAY_ON, COUNCIL, PAYMENTS).lines().toList();

    @Test
    void labelsCarryTheServiceUserNumberFileNumberAndDates() {
        assertThat(records).hasSize(10);
        assertThat(records.subList(0, 4)).allSatisfy(label -> assertThat(label).hasSize(80));
        String vol1 = records.get(0);
        assertThat(vol1.substring(0, 4)).isEqualTo("VOL1");
        assertThat(vol1.substring(4, 10)).isEqualTo("000012");
        assertThat(vol1.substring(41, 47)).isEqualTo("123456");
        assertThat(vol1.substring(79)).isEqualTo("1");
        String hdr1 = records.get(1);
        assertThat(hdr1.substring(0, 4)).isEqualTo("HDR1");
        assertThat(hdr1.substring(4, 21)).isEqualTo("A123456S  123456 ");
        assertThat(hdr1.substring(21, 27)).isEqualTo("000012");
        assertThat(hdr1.substring(41, 47)).isEqualTo(" 26327");
        String hdr2 = records.get(2);
        assertThat(hdr2.substring(0, 15)).isEqualTo("HDR2F0200000100");
        String uhl1 = records.get(3);
        assertThat(uhl1.substring(0, 4)).isEqualTo("UHL1");
        assertThat(uhl1.substring(4, 10)).as("processing day, 27 November = day 331").isEqualTo(" 26331");
        assertThat(uhl1.substring(20, 22)).as("sterling").isEqualTo("00");
        assertThat(uhl1.substring(28, 37)).isEqualTo("1 DAILY  ");
    }

    @Test
    void eachPaymentIsACreditRecordToTheProvidersAccountFromTheCouncils() {
        String credit = records.get(5);
        assertThat(credit).hasSize(100);
        assertThat(credit.substring(0, 6)).as("destination sort code").isEqualTo("820000");
        assertThat(credit.substring(6, 14)).as("destination account").isEqualTo("73688637");
        assertThat(credit.substring(14, 15)).as("account type").isEqualTo("0");
        assertThat(credit.substring(15, 17)).as("transaction code: credit").isEqualTo("99");
        assertThat(credit.substring(17, 23)).as("originating sort code").isEqualTo("086090");
        assertThat(credit.substring(23, 31)).as("originating account").isEqualTo("06774744");
        assertThat(credit.substring(31, 35)).isBlank();
        assertThat(credit.substring(35, 46)).as("amount in pence").isEqualTo("00000100000");
        assertThat(credit.substring(46, 64)).as("originator name").isEqualTo("COUNCIL ADULT SOCI");
        assertThat(credit.substring(64, 82)).as("reference on the provider's statement").isEqualTo("PY000002          ");
        assertThat(credit.substring(82, 100)).as("account name, Bacs characters only").isEqualTo("ST ANNE S  NURSING");
    }

    @Test
    void theContraAndTheTrailerCarryTheControlTotals() {
        String contra = records.get(6);
        assertThat(contra.substring(0, 14)).isEqualTo("08609006774744");
        assertThat(contra.substring(15, 17)).as("transaction code: contra debit").isEqualTo("17");
        assertThat(contra.substring(35, 46)).isEqualTo("00000139150");
        assertThat(contra.substring(64, 82)).isEqualTo("CONTRA            ");
        assertThat(records.get(7)).startsWith("EOF1A123456S  123456 000012");
        assertThat(records.get(8)).startsWith("EOF2F");
        String utl1 = records.get(9);
        assertThat(utl1).hasSize(80);
        assertThat(utl1.substring(4, 17)).as("debit total").isEqualTo("0000000139150");
        assertThat(utl1.substring(17, 30)).as("credit total").isEqualTo("0000000139150");
        assertThat(utl1.substring(30, 37)).as("debit count").isEqualTo("0000001");
        assertThat(utl1.substring(37, 44)).as("credit count").isEqualTo("0000002");
    }

    @Test
    void verifyRefusesAFileWhoseTotalsDoNotAgree() {
        String file = Bacs18File.write(12, CREATED, PAY_ON, COUNCIL, PAYMENTS);
        Bacs18File.verify(file, 2, 139150);

        String creditChanged = file.replace("00000100000", "00000100001");
        assertThatThrownBy(() -> Bacs18File.verify(creditChanged, 2, 139150)).hasMessageContaining("contra");
        assertThatThrownBy(() -> Bacs18File.verify(file, 2, 139151)).hasMessageContaining("139151 pence meant");
        assertThatThrownBy(() -> Bacs18File.verify(file, 3, 139150)).hasMessageContaining("3 payments meant");
    }
}
