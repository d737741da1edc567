package org.carehub.invoices;

import com.helger.diagnostics.error.IError;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.EValidationType;
import com.helger.phive.api.executor.IValidationExecutor;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResult;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2026_05;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;

/**
 * The rule sets a UBL invoice is checked against, run by phive: the UBL 2.1 schema, the EN 16931 rules
 * (CEN, release 1.3.16) and the PEPPOL BIS Billing 3 rules (OpenPeppol release 2026.5, in force since
 * 17 August 2026). Loading them takes seconds, so one instance serves the whole hub (it is thread-safe).
 */
public final class InvoiceRules {

    /** A stage's findings; a stage that did not run (because the schema failed) has none. */
    record Stage(List<InvoiceFinding> findings) {
        boolean failed() {
            return findings.stream().anyMatch(f -> f.severity() == InvoiceFinding.Severity.ERROR);
        }
    }

    private final Kind invoice;
    private final Kind creditNote;

    /** The executors for one document kind. */
    private record Kind(IValidationExecutor<IValidationSourceXML> schema,
                        IValidationExecutor<IValidationSourceXML> en16931,
                        IValidationExecutor<IValidationSourceXML> peppol) {
    }

    public InvoiceRules() {
        ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
        EN16931Validation.initEN16931(registry);
        PeppolValidation.initStandard(registry);
        invoice = kind(registry, EN16931Validation.VID_UBL_INVOICE_1316, PeppolValidation2026_05.VID_OPENPEPPOL_INVOICE_UBL_V3);
        creditNote = kind(registry, EN16931Validation.VID_UBL_CREDIT_NOTE_1316,
                PeppolValidation2026_05.VID_OPENPEPPOL_CREDIT_NOTE_UBL_V3);
    }

    private static Kind kind(ValidationExecutorSetRegistry<IValidationSourceXML> registry, DVRCoordinate en16931,
                             DVRCoordinate peppol) {
        IValidationExecutorSet<IValidationSourceXML> cen = registry.getOfID(en16931);
        // The PEPPOL set repeats the schema and the CEN rules (its own copy); only its PEPPOL layer is taken.
        IValidationExecutor<IValidationSourceXML> peppolRules = registry.getOfID(peppol).executors().stream()
                .filter(e -> e.getValidationArtefact().getRuleResourcePath().contains("PEPPOL-EN16931"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no PEPPOL rules in " + peppol));
        return new Kind(executor(cen, true), executor(cen, false), peppolRules);
    }

    private static IValidationExecutor<IValidationSourceXML> executor(IValidationExecutorSet<IValidationSourceXML> set,
                                                                      boolean schema) {
        return set.executors().stream()
                .filter(e -> (e.getValidationArtefact().getValidationType() == EValidationType.XSD) == schema)
                .findFirst().orElseThrow(() -> new IllegalStateException("rule set " + set.getID() + " is incomplete"));
    }

    /**
     * Runs every rule set once on an empty invoice and an empty credit note, so their stylesheets are compiled before
     * the first provider's invoice arrives rather than while it waits (tens of seconds on a busy machine).
     *
     * @return the rule sets run
     */
    int compileAll() throws ParserConfigurationException {
        int run = 0;
        for (boolean isCreditNote : new boolean[] {false, true}) {
            Document empty = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
            empty.appendChild(empty.createElementNS(isCreditNote ? InvoiceReader.UBL_CREDIT_NOTE_NS
                    : InvoiceReader.UBL_INVOICE_NS, isCreditNote ? "CreditNote" : "Invoice"));
            schema(empty, isCreditNote);
            en16931(empty, isCreditNote);
            peppol(empty, isCreditNote);
            run += 3;
        }
        return run;
    }

    Stage schema(Document document, boolean isCreditNote) {
        return run(kindOf(isCreditNote).schema(), document);
    }

    /** The EN 16931 rules alone; also runs on fragments that are not schema-valid (the CEN unit tests are such). */
    Stage en16931(Document document, boolean isCreditNote) {
        return run(kindOf(isCreditNote).en16931(), document);
    }

    Stage peppol(Document document, boolean isCreditNote) {
        return run(kindOf(isCreditNote).peppol(), document);
    }

    private Kind kindOf(boolean isCreditNote) {
        return isCreditNote ? creditNote : invoice;
    }

    private static Stage run(IValidationExecutor<IValidationSourceXML> executor, Document document) {
        ValidationResult result = executor.applyValidation(ValidationSourceXML.create("invoice", document),
                IValidityDeterminator.createDefault(), Locale.UK);
        List<InvoiceFinding> findings = new ArrayList<>();
        for (IError error : result.getErrorList()) {
            findings.add(finding(error));
        }
        return new Stage(List.copyOf(findings));
    }

    private static InvoiceFinding finding(IError error) {
        InvoiceFinding.Severity severity = error.getErrorLevel().isError()
                ? InvoiceFinding.Severity.ERROR : InvoiceFinding.Severity.WARNING;
        String text = error.getErrorText(Locale.UK);
        String ruleId = error.getErrorID();
        // phive repeats the rule id in front of the text ("[BR-01]-..."); the finding keeps it once
        if (ruleId != null && text != null && text.startsWith("[" + ruleId + "]-")) {
            text = text.substring(ruleId.length() + 3);
        }
        return new InvoiceFinding(severity, ruleId, error.getErrorFieldName(), text);
    }
}
