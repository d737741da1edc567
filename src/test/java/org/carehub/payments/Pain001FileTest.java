package org.carehub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.carehub.finance.PaymentRun.BankAccount;
import org.junit.jupiter.api.Test;

class Pain001FileTest {

    private static final List<PaymentInstruction> PAYMENTS = List.of(
            new PaymentInstruction("PY000001", "PRV-001", 39150, new BankAccount("089999", "66374958", "Brightwater Home Care Ltd")),
            new PaymentInstruction("PY000002", "PRV-004", 5, new BankAccount("820000", "73688637", "Riverside Lodge")));

    private final String xml = Pain001File.write("CAREHUB-PR000012", Pain001File.utc(Instant.parse("2026-11-23T07:00:00Z")),
            LocalDate.of(2026, 11, 27), Bacs18FileTest.COUNCIL, PAYMENTS);

    @Test
    void theFileIsValidAgainstThePain00100109SchemaAndCarriesEachPaymentInPoundsAndPence() throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/payments/iso20022/pain.001.001.09.xsd")).newValidator()
                .validate(new StreamSource(new StringReader(xml)));

        assertThat(xml).contains("xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"", "<MsgId>CAREHUB-PR000012</MsgId>",
                "<NbOfTxs>2</NbOfTxs>", "<CtrlSum>391.55</CtrlSum>", "<Dt>2026-11-27</Dt>",
                "<EndToEndId>PY000002</EndToEndId>", "<InstdAmt Ccy=\"GBP\">0.05</InstdAmt>", "<Cd>GBDSC</Cd>", "<MmbId>820000</MmbId>",
                "<Id>73688637</Id>", "<Nm>Riverside Lodge</Nm>");
        Pain001File.verify(xml, 2, 39155);
    }

    @Test
    void verifyRefusesAFileWhoseControlSumIsNotItsTransactionsOrNotWhatWasMeant() {
        String controlSumChanged = xml.replaceFirst("<CtrlSum>391.55</CtrlSum>", "<CtrlSum>391.56</CtrlSum>");
        assertThatThrownBy(() -> Pain001File.verify(controlSumChanged, 2, 39155)).hasMessageContaining("group header CtrlSum");
        assertThatThrownBy(() -> Pain001File.verify(xml, 2, 39150)).hasMessageContaining("total meant");
        String invalid = xml.replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>XXX</PmtMtd>");
        assertThatThrownBy(() -> Pain001File.verify(invalid, 2, 39155)).hasMessageContaining("not valid against pain.001.001.09.xsd");
    }
}
