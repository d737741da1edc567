package org.carehub.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.carehub.channels.TextDecoding;
import org.carehub.invoices.InvoiceFinding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceReaderTest {

    private static final Path EXAMPLE = Path.of("docs/examples/provider-invoice-ubl.xml");

    private final InvoiceReader reader = new InvoiceReader(TestRules.RULES, InvoiceReader.DEFAULT_MAX_BYTES, true);

    private static String example() throws IOException {
        return Files.readString(EXAMPLE);
    }

    private InvoiceReading.Refused refused(String xml) {
        return (InvoiceReading.Refused) reader.read(xml.getBytes(StandardCharsets.UTF_8), "invoice.xml", "PRV-001");
    }

    @Test
    void thePublishedExampleIsReadLineByLineWithTheCouncilsCodes() throws IOException {
        InvoiceReading.Accepted accepted = (InvoiceReading.Accepted) reader.read(Files.readAllBytes(EXAMPLE), "x.xml", "PRV-001");

        ProviderInvoice invoice = accepted.invoice();
        assertThat(accepted.advisories()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(invoice.provider()).isEqualTo("PRV-001");
        assertThat(invoice.format()).isEqualTo(InvoiceFormat.UBL_INVOICE);
        assertThat(invoice.invoiceNumber()).isEqualTo("BW-2026-0412");
        assertThat(invoice.issueDate()).isEqualTo(LocalDate.of(2026, 5, 3));
        assertThat(invoice.currency()).isEqualTo("GBP");
        assertThat(invoice.creditNote()).isFalse();
        assertThat(invoice.totals()).isEqualTo(new ProviderInvoice.Totals(new BigDecimal("1206.00"), new BigDecimal("0.00"),
                new BigDecimal("1206.00")));
        assertThat(invoice.lines()).containsExactly(
                new ProviderInvoice.Line("1", "100234", "HOMECARE", "PERSONAL_CARE", LocalDate.of(2026, 4, 1),
                        LocalDate.of(2026, 4, 30), new BigDecimal("20"), new BigDecimal("26.10"), new BigDecimal("522.00"),
                        new BigDecimal("0"), null),
                new ProviderInvoice.Line("2", "100871", "SUPPORTED_LIVING", "DAY_SUPPORT", LocalDate.of(2026, 4, 6),
                        LocalDate.of(2026, 4, 19), new BigDecimal("30"), new BigDecimal("22.80"), new BigDecimal("684.00"),
                        new BigDecimal("0"), null));
    }

    @Test
    void aCreditNoteIsReadWithItsCreditedQuantities() throws IOException {
        InvoiceReader advisoryPeppol = new InvoiceReader(TestRules.RULES, InvoiceReader.DEFAULT_MAX_BYTES, false);
        byte[] content = Files.readAllBytes(InvoiceConformanceTest.ROOT.resolve("en16931-examples/ubl-tc434-creditnote1.xml"));

        ProviderInvoice creditNote = ((InvoiceReading.Accepted) advisoryPeppol.read(content, "cn.xml", "PRV-002")).invoice();

        assertThat(creditNote.format()).isEqualTo(InvoiceFormat.UBL_CREDIT_NOTE);
        assertThat(creditNote.creditNote()).isTrue();
        assertThat(creditNote.currency()).isEqualTo("EUR");
        assertThat(creditNote.totals().payable()).isEqualByComparingTo("100.11");
        assertThat(creditNote.lines()).singleElement().satisfies(line -> {
            assertThat(line.units()).isEqualByComparingTo("1");
            assertThat(line.amount()).isEqualByComparingTo("100.11");
            assertThat(line.clientId()).as("no line object identifier: matching's concern").isNull();
        });
    }

    @Test
    void aWrongTotalIsRefusedWithTheRuleIdAndText() throws IOException {
        InvoiceReading.Refused refused = refused(example().replace(
                "<cbc:PayableAmount currencyID=\"GBP\">1206.00</cbc:PayableAmount>",
                "<cbc:PayableAmount currencyID=\"GBP\">1260.00</cbc:PayableAmount>"));

        assertThat(refused.reasonCode()).isEqualTo(InvoiceReasons.RULE_FAILED);
        assertThat(refused.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("BR-CO-16");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.text()).contains("Amount due for payment");
        });
        assertThat(refused.detail()).contains("[BR-CO-16]");
    }

    @Test
    void aSchemaErrorIsRefusedBeforeAnyRule() throws IOException {
        InvoiceReading.Refused refused = refused(example().replace("<cbc:DueDate>", "<cbc:Colour>red</cbc:Colour><cbc:DueDate>"));

        assertThat(refused.reasonCode()).isEqualTo(InvoiceReasons.SCHEMA_INVALID);
        assertThat(refused.findings()).singleElement().satisfies(f -> assertThat(f.text()).contains("Colour"));
    }

    @Test
    void externalEntityIsRefusedAndNothingIsRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + example().substring(example().indexOf("<Invoice ")).replace("BW-2026-0412", "&x;");

        InvoiceReading.Refused refused = refused(xxe);

        assertThat(refused.reasonCode()).isEqualTo(InvoiceReasons.XML_DOCTYPE_REFUSED);
        assertThat(refused.detail()).doesNotContain("TOP-SECRET");
    }

    @Test
    void entityExpansionIsRefused() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                + "<Invoice xmlns=\"" + InvoiceReader.UBL_INVOICE_NS + "\">&d;&d;&d;&d;</Invoice>";

        assertThat(refused(laughs).reasonCode()).isEqualTo(InvoiceReasons.XML_DOCTYPE_REFUSED);
    }

    @Test
    void anExternalDtdIsRefused() {
        String dtd = "<?xml version=\"1.0\"?><!DOCTYPE Invoice SYSTEM \"http://127.0.0.1:9/evil.dtd\">"
                + "<Invoice xmlns=\"" + InvoiceReader.UBL_INVOICE_NS + "\"/>";

        assertThat(refused(dtd).reasonCode()).isEqualTo(InvoiceReasons.XML_DOCTYPE_REFUSED);
    }

    @Test
    void anEntityReferenceWithoutADoctypeIsBrokenXml() throws IOException {
        assertThat(refused(example().replace("BW-2026-0412", "&x;")).reasonCode()).isEqualTo(InvoiceReasons.XML_MALFORMED);
    }

    @Test
    void brokenXmlIsRefusedWithWhereItBreaks() throws IOException {
        String cut = example().substring(0, example().indexOf("<cac:InvoiceLine>") + 40);

        InvoiceReading.Refused refused = refused(cut);

        assertThat(refused.reasonCode()).isEqualTo(InvoiceReasons.XML_MALFORMED);
        assertThat(refused.detail()).contains("line");
    }

    @Test
    void otherXmlIsAnUnknownFormat() {
        String cii = "<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"/>";

        InvoiceReading.Refused refused = refused(cii);

        assertThat(refused.reasonCode()).isEqualTo(InvoiceReasons.FORMAT_UNKNOWN);
        assertThat(refused.detail()).contains("CrossIndustryInvoice");
    }

    @Test
    void aPdfIsAnUnknownFormatForAccountsPayable() {
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1);

        InvoiceReading.Refused refused = (InvoiceReading.Refused) reader.read(pdf, "invoice-april.pdf", "PRV-001");

        assertThat(refused.reasonCode()).isEqualTo(InvoiceReasons.FORMAT_UNKNOWN);
        assertThat(refused.detail()).contains("PDF");
    }

    @Test
    void aFileOverTheBoundIsRefusedUnread() throws IOException {
        InvoiceReader small = new InvoiceReader(TestRules.RULES, 1024, false);

        InvoiceReading.Refused refused = (InvoiceReading.Refused) small.read(Files.readAllBytes(EXAMPLE), "x.xml", "PRV-001");

        assertThat(refused.reasonCode()).isEqualTo(InvoiceReasons.TOO_LARGE);
        assertThat(refused.detail()).contains("1024");
    }

    /** The example as "Unicode" XML, as some invoicing software saves it: the declaration names the encoding. */
    private static String utf16Example() throws IOException {
        return declared("UTF-16");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xmlEncodings")
    void anInvoiceInAnyEncodingXmlAllowsIsRead(String encoding, byte[] content) {
        InvoiceReading.Accepted accepted = (InvoiceReading.Accepted) reader.read(content, "invoice.xml", "PRV-001");

        assertThat(accepted.invoice().invoiceNumber()).isEqualTo("BW-2026-0412");
        assertThat(accepted.invoice().lines()).hasSize(2);
    }

    static Stream<Arguments> xmlEncodings() throws IOException {
        byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf16LeBom = {(byte) 0xFF, (byte) 0xFE};
        return Stream.of(
                Arguments.of("UTF-8 with byte order mark", concat(utf8Bom, example().getBytes(StandardCharsets.UTF_8))),
                // Java's UTF-16 writes a big-endian byte order mark.
                Arguments.of("UTF-16 big-endian with byte order mark", utf16Example().getBytes(StandardCharsets.UTF_16)),
                Arguments.of("UTF-16 little-endian with byte order mark",
                        concat(utf16LeBom, utf16Example().getBytes(StandardCharsets.UTF_16LE))),
                Arguments.of("UTF-16 big-endian without byte order mark", utf16Example().getBytes(StandardCharsets.UTF_16BE)),
                Arguments.of("UTF-16 little-endian without byte order mark", utf16Example().getBytes(StandardCharsets.UTF_16LE)),
                Arguments.of("Windows-1252, as its XML declaration says", declared("windows-1252").getBytes(TextDecoding.WINDOWS_1252)));
    }

    /** The example under another XML declaration, with words outside ASCII (the example itself has none). */
    private static String declared(String encoding) throws IOException {
        return example().replaceFirst("encoding=\"UTF-8\"", "encoding=\"" + encoding + "\"")
                .replaceFirst("<!-- Example", "<!-- Zoë's £ example");
    }

    @ParameterizedTest(name = "UTF-8 under an XML declaration of {0}")
    @ValueSource(strings = {"ISO-8859-1", "windows-1252"})
    void aUtf8InvoiceDeclaringALatinEncodingIsRefusedNamingWhatWouldBeGarbled(String encoding) throws IOException {
        InvoiceReading.Refused refused = refused(declared(encoding));

        assertThat(refused.reasonCode()).isEqualTo(InvoiceReasons.ENCODING_MISMATCH);
        assertThat(refused.detail()).contains("labelled " + Charset.forName(encoding).name(), "its XML declaration",
                "Zoë", "would be read as", "ZoÃ«");
    }

    @Test
    void aUtf16InvoiceIsStillCheckedForDoctypes() throws IOException {
        String xxe = utf16Example().replaceFirst("\\?>", "?><!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");

        InvoiceReading.Refused refused = (InvoiceReading.Refused) reader.read(xxe.getBytes(StandardCharsets.UTF_16), "x.xml", "PRV-001");

        assertThat(refused.reasonCode()).isEqualTo(InvoiceReasons.XML_DOCTYPE_REFUSED);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
