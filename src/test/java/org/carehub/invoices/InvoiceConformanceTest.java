package org.carehub.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.carehub.invoices.InvoiceFinding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The EN 16931 conformance material (src/test/resources/conformance/peppol/README.md): every full example and
 * test document is accepted by the format check, and every rule unit test gives its expected rule result.
 */
class InvoiceConformanceTest {

    static final Path ROOT = Path.of("src/test/resources/conformance/peppol");
    private static final String VEFA = "http://difi.no/xsd/vefa/validator/1.0";

    private final InvoiceReader reader = new InvoiceReader(TestRules.RULES, InvoiceReader.DEFAULT_MAX_BYTES, false);
    private final InvoiceReader peppolReader = new InvoiceReader(TestRules.RULES, InvoiceReader.DEFAULT_MAX_BYTES, true);

    static Stream<Path> fullDocuments() throws IOException {
        return Stream.of("en16931-examples", "en16931-testfiles").flatMap(folder -> xmlFiles(ROOT.resolve(folder)));
    }

    private static Stream<Path> xmlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".xml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fullDocuments")
    void everyFullDocumentPassesTheFormatCheck(Path file) throws IOException {
        InvoiceReading reading = reader.read(Files.readAllBytes(file), file.getFileName().toString(), "PRV-001");

        assertThat(reading).isInstanceOf(InvoiceReading.Accepted.class);
        ProviderInvoice invoice = ((InvoiceReading.Accepted) reading).invoice();
        assertThat(invoice.invoiceNumber()).isNotBlank();
        assertThat(invoice.lines()).isNotEmpty().allSatisfy(line -> assertThat(line.amount()).isNotNull());
        assertThat(invoice.totals().payable()).isNotNull();
    }

    /** The three documents the PEPPOL 2025.5 and 2026.5 rules also pass (full-document-validation.tsv). */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void peppolValidDocumentsPassWithPeppolRulesEnforced(String file) throws IOException {
        InvoiceReading reading = peppolReader.read(Files.readAllBytes(ROOT.resolve(file)), file, "PRV-001");

        assertThat(reading).isInstanceOf(InvoiceReading.Accepted.class);
        assertThat(((InvoiceReading.Accepted) reading).advisories()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    static Stream<String> peppolValidDocumentsPassWithPeppolRulesEnforced() {
        return Stream.of("en16931-examples/BIS3_Invoice_positive.XML", "en16931-examples/BIS3_Invoice_negativ.XML",
                "en16931-testfiles/BIS_Billing_30-InomstatligFakturering.xml");
    }

    @Test
    void peppolRuleFailuresAreAdvisoriesUnlessEnforced() throws IOException {
        byte[] creditNote = Files.readAllBytes(ROOT.resolve("en16931-examples/ubl-tc434-creditnote1.xml"));

        InvoiceReading advisory = reader.read(creditNote, "creditnote1.xml", "PRV-001");
        InvoiceReading enforced = peppolReader.read(creditNote, "creditnote1.xml", "PRV-001");

        assertThat(((InvoiceReading.Accepted) advisory).advisories())
                .anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("PEPPOL-EN16931-R004"));
        assertThat(((InvoiceReading.Accepted) advisory).invoice().creditNote()).isTrue();
        InvoiceReading.Refused refused = (InvoiceReading.Refused) enforced;
        assertThat(refused.reasonCode()).isEqualTo(InvoiceReasons.RULE_FAILED);
        assertThat(refused.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
                .extracting(InvoiceFinding::ruleId).containsExactly("PEPPOL-EN16931-R004");
        assertThat(refused.findings()).filteredOn(f -> f.severity() == Severity.WARNING)
                .extracting(InvoiceFinding::ruleId).contains("PEPPOL-COMMON-R044");
        assertThat(refused.detail()).contains("[PEPPOL-EN16931-R004] Specification identifier MUST begin with");
    }

    /** One vefa test: the fragment and every rule expectation for it from unit-test-expectations.csv. */
    record UnitTest(String file, int index, Document fragment, boolean creditNote, List<Expectation> expectations) {
        @Override
        public String toString() {
            return file + " #" + index + " " + expectations;
        }
    }

    record Expectation(String result, String ruleId) {
        @Override
        public String toString() {
            return result + " " + ruleId;
        }
    }

    static Stream<UnitTest> ruleUnitTests() throws Exception {
        Map<String, List<Expectation>> expected = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(ROOT.resolve("unit-test-expectations.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                expected.computeIfAbsent(row.get("file") + "#" + row.get("test_index"), k -> new ArrayList<>())
                        .add(new Expectation(row.get("expectation"), row.get("rule_id")));
            }
        }
        List<UnitTest> tests = new ArrayList<>();
        for (String file : expected.keySet().stream().map(k -> k.substring(0, k.indexOf('#'))).distinct().toList()) {
            NodeList testElements = parse(ROOT.resolve(file)).getElementsByTagNameNS(VEFA, "test");
            for (int i = 0; i < testElements.getLength(); i++) {
                List<Expectation> expectations = expected.get(file + "#" + (i + 1));
                Element document = documentIn((Element) testElements.item(i));
                if (expectations != null && document != null) {
                    Document fragment = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
                    fragment.appendChild(fragment.importNode(document, true));
                    tests.add(new UnitTest(file, i + 1, fragment, document.getLocalName().equals("CreditNote"), expectations));
                }
            }
        }
        return tests.stream();
    }

    private static Element documentIn(Element test) {
        for (Node child = test.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && !VEFA.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /**
     * The EN 16931 rules alone, as the vefa tests are written: their fragments are not schema-valid, so they
     * are run against the rules stage the reader runs after the schema.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleUnitTests")
    void everyRuleUnitTestGivesItsExpectedResult(UnitTest test) {
        List<InvoiceFinding> findings = TestRules.RULES.en16931(test.fragment(), test.creditNote()).findings();

        for (Expectation expectation : test.expectations()) {
            List<Severity> fired = findings.stream().filter(f -> expectation.ruleId().equals(f.ruleId()))
                    .map(InvoiceFinding::severity).toList();
            switch (expectation.result()) {
                case "success" -> assertThat(fired).as("%s must not fire", expectation.ruleId()).isEmpty();
                case "error" -> assertThat(fired).as("%s must fire as an error", expectation.ruleId()).contains(Severity.ERROR);
                case "warning" -> assertThat(fired).as("%s must fire as a warning", expectation.ruleId()).contains(Severity.WARNING);
                default -> throw new IllegalArgumentException("unknown expectation " + expectation.result());
            }
        }
    }
}
