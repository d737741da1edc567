package org.carehub.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.carehub.channels.TextDecoding;
import org.carehub.invoices.InvoiceFinding.Severity;
import org.junit.jupiter.api.Test;

/** The care-actuals CSV template through the reader's one entry point (no rule sets are needed for CSV). */
class CareActualsCsvTest {

    private static final Path EXAMPLE = Path.of("docs/examples/provider-invoice-care-actuals.csv");
    private static final String HEADER =
            "provider,invoice_number,invoice_date,client,service,element,period_from,period_to,units,unit_rate,amount\n";

    private final InvoiceReader reader = new InvoiceReader(null, InvoiceReader.DEFAULT_MAX_BYTES, false);

    private InvoiceReading read(byte[] content) {
        return reader.read(content, "actuals.csv", "PRV-001");
    }

    private InvoiceReading read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thePublishedExampleIsReadWithTotalsFromItsLines() throws IOException {
        InvoiceReading.Accepted accepted = (InvoiceReading.Accepted) read(Files.readAllBytes(EXAMPLE));

        ProviderInvoice invoice = accepted.invoice();
        assertThat(accepted.advisories()).isEmpty();
        assertThat(invoice.format()).isEqualTo(InvoiceFormat.CSV_CARE_ACTUALS);
        assertThat(invoice.invoiceNumber()).isEqualTo("BW-2026-0413");
        assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2026, 5, 3));
        assertThat(invoice.currency()).isEqualTo("GBP");
        assertThat(invoice.totals().lineExtension()).isEqualByComparingTo("2865.00");
        assertThat(invoice.totals().payable()).isEqualByComparingTo("2865.00");
        assertThat(invoice.lines()).hasSize(3);
        assertThat(invoice.lines().get(2)).isEqualTo(new ProviderInvoice.Line("4", "100871", "SUPPORTED_LIVING", "SLEEP_IN",
                LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 19), new BigDecimal("14"), new BigDecimal("118.50"),
                new BigDecimal("1659.00"), null, null));
    }

    @Test
    void anExcelExportInWindows1252WithPoundSignsAndUkDatesIsRead() {
        String excel = "Provider,Invoice Number,Invoice Date,Client,Service,Element,Period From,Period To,Units,Unit Rate,Amount\r\n"
                + "PRV-001,MB-77,03/05/2026,100234,HOMECARE,PERSONAL_CARE,01/04/2026,30/04/2026,20,£26.10,£522.00\r\n";

        InvoiceReading.Accepted accepted = (InvoiceReading.Accepted) read(excel.getBytes(TextDecoding.WINDOWS_1252));

        assertThat(accepted.invoice().issueDate()).isEqualTo(LocalDate.of(2026, 5, 3));
        assertThat(accepted.invoice().lines().get(0).unitRate()).isEqualByComparingTo("26.10");
        assertThat(accepted.invoice().lines().get(0).periodTo()).isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void aUtf8ByteOrderMarkDoesNotSpoilTheFirstColumn() {
        InvoiceReading reading = read("\uFEFF" + HEADER + "PRV-001,A1,2026-05-03,100234,HOMECARE,PERSONAL_CARE,2026-04-01,2026-04-30,1,26.10,26.10\n");

        assertThat(reading).isInstanceOf(InvoiceReading.Accepted.class);
    }

    @Test
    void everyBadCellIsReportedWithItsLineAndColumn() {
        InvoiceReading.Refused refused = (InvoiceReading.Refused) read(HEADER
                + "PRV-001,A1,2026-05-03,100234,HOMECARE,PERSONAL_CARE,2026-04-01,2026-04-30,ten,26.10,26.10\n"
                + "PRV-001,A1,2026-05-03,,HOMECARE,PERSONAL_CARE,2026-04-31,2026-04-30,1,26.10,26.10\n"
                + "PRV-001,A1,2026-05-03,100234,HOMECARE,PERSONAL_CARE,2026-04-10,2026-04-01,1,26.10\n");

        assertThat(refused.reasonCode()).isEqualTo(InvoiceReasons.CSV_INVALID);
        assertThat(refused.findings()).extracting(InvoiceFinding::location).containsExactly(
                "line 2, column units", "line 3, column client", "line 3, column period_from", "line 4");
        assertThat(refused.findings().get(0).text()).isEqualTo("'ten' is not a number; write it like 24.50 (no thousands separators)");
        assertThat(refused.detail()).startsWith("4 problems in the CSV file: ");
    }

    @Test
    void aFileForAnotherProviderOrMixingInvoicesIsRefused() {
        InvoiceReading.Refused refused = (InvoiceReading.Refused) read(HEADER
                + "PRV-002,A1,2026-05-03,100234,HOMECARE,PERSONAL_CARE,2026-04-01,2026-04-30,1,26.10,26.10\n"
                + "PRV-002,A2,2026-05-03,100234,HOMECARE,PERSONAL_CARE,2026-04-01,2026-04-30,1,26.10,26.10\n");

        assertThat(refused.findings()).extracting(InvoiceFinding::location, InvoiceFinding::text).contains(
                org.assertj.core.groups.Tuple.tuple("line 2, column provider",
                        "the file is for provider 'PRV-002' but was sent by provider 'PRV-001'"),
                org.assertj.core.groups.Tuple.tuple("line 3, column invoice_number",
                        "'A2' differs from 'A1' on the first line; one file is one invoice"));
    }

    @Test
    void aMissingColumnIsNamed() {
        InvoiceReading.Refused refused = (InvoiceReading.Refused) read(HEADER.replace(",unit_rate", "")
                + "PRV-001,A1,2026-05-03,100234,HOMECARE,PERSONAL_CARE,2026-04-01,2026-04-30,1,26.10\n");

        assertThat(refused.findings()).extracting(InvoiceFinding::text).containsExactly("column unit_rate is missing");
    }

    @Test
    void aFormulaInATextCellIsKeptAsDataAndFlagged() {
        InvoiceReading.Accepted accepted = (InvoiceReading.Accepted) read(HEADER
                + "PRV-001,A1,2026-05-03,\"=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\",HOMECARE,PERSONAL_CARE,"
                + "2026-04-01,2026-04-30,1,26.10,26.10\n");

        assertThat(accepted.invoice().lines().get(0).clientId()).isEqualTo("=HYPERLINK(\"http://evil.test\",\"x\")");
        assertThat(accepted.advisories()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location()).isEqualTo("line 2, column client");
            assertThat(f.text()).contains("spreadsheet formula");
        });
    }

    @Test
    void textThatIsNeitherXmlNorTheTemplateIsAnUnknownFormat() {
        InvoiceReading.Refused refused = (InvoiceReading.Refused) reader.read("Dear council, please pay us.".getBytes(
                StandardCharsets.UTF_8), "message.txt", "PRV-001");

        assertThat(refused.reasonCode()).isEqualTo(InvoiceReasons.FORMAT_UNKNOWN);
    }

    @Test
    void utf16IsRefusedAsUnreadable() {
        InvoiceReading.Refused refused = (InvoiceReading.Refused) read(("\uFEFF" + HEADER).getBytes(StandardCharsets.UTF_16));

        assertThat(refused.reasonCode()).isEqualTo(InvoiceReasons.CSV_INVALID);
        assertThat(refused.detail()).contains("UTF-16");
    }
}
