package org.carehub.finance;

import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPException;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.carehub.cases.AssessmentReferral;
import org.carehub.cases.CareLine;
import org.carehub.cases.CaseStore.Versioned;
import org.carehub.cases.Client;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.finance.contrOCC.AssessmentStatus;
import org.carehub.finance.contrOCC.BatchImportResult;
import org.carehub.finance.contrOCC.ClientRecord;
import org.carehub.finance.contrOCC.ContrOCCImport;
import org.carehub.finance.contrOCC.ImportResult;
import org.carehub.finance.contrOCC.ImportStatus;
import org.carehub.finance.contrOCC.ProviderActual;
import org.carehub.finance.contrOCC.RejectionReason;
import org.carehub.finance.contrOCC.ServiceLine;
import org.carehub.reference.ReferenceData;
import org.carehub.reference.ServiceDefinition;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The hub's way into ContrOCC, the council's care finance system, over its SOAP import service.
 * The Camel routes call it as bean {@code contrOCC}. Every method returns a {@link FinanceReceipt};
 * a rejection by finance throws {@link BusinessRuleViolation} ({@code FINANCE_REJECTED_*}), and
 * finance out of reach throws {@link FinanceUnavailableException}.
 *
 * <p>Never sends an import twice: before each one it asks finance whether the import reference is
 * already done (the hub may be redelivering after a crash), unless the caller's {@link ImportHistory}
 * says no attempt was made before; so callers must give the same reference when they deliver the same
 * event again.
 */
@Component("contrOCC")
public class ContrOCCAdapter {

    private static final String NAMESPACE = "http://carehub.org/contrOCC/import/v1";
    private static final String REFERRED_BY = "carehub";

    private final ContrOCCFinanceProperties properties;
    private final Environment environment;
    private final Bus bus;
    private final ReferenceData referenceData;
    private final ContrOCCTransform transform;
    private volatile ContrOCCImport port;
    private volatile String address;

    public ContrOCCAdapter(ContrOCCFinanceProperties properties, Environment environment, Bus bus,
                           ReferenceData referenceData, ContrOCCTransform transform) {
        this.properties = properties;
        this.environment = environment;
        this.bus = bus;
        this.referenceData = referenceData;
        this.transform = transform;
    }

    /** Creates or updates the client in finance. */
    public FinanceReceipt deliverClient(ImportHistory history, Client client, String importReference) {
        return new FinanceReceipt(List.of(importClient(history, client, importReference)));
    }

    /**
     * Delivers a care line with the CPLI version carried by the import reference, which must be the
     * LAS event's {@link org.carehub.cases.LasEvent#idempotencyKey()} ({@code <eventId>:<version>}).
     */
    public FinanceReceipt deliverCareLine(ImportHistory history, CareLine line, Client client, String importReference) {
        return deliverCareLine(history, line, versionIn(importReference), client, importReference);
    }

    /**
     * Delivers a care line: (a) creates the client first if finance does not know them; (b) imports the
     * service line, coded from the finance code mappings; (c) for a chargeable service and client with
     * no financial assessment referral in finance, refers them. Import references used: the given one
     * plus {@code /client}, {@code /line} and {@code /referral}.
     */
    public FinanceReceipt deliverCareLine(ImportHistory history, CareLine line, int cpliVersion, Client client,
                                          String importReference) {
        Objects.requireNonNull(client, "the care line's client is needed to deliver it");
        if (!line.clientId().equals(client.lasPersonId())) {
            throw new IllegalArgumentException("Care line " + line.cpliId() + " is for client " + line.clientId()
                    + ", not " + client.lasPersonId());
        }
        // Coded before anything is sent: a missing finance code must not leave half a delivery behind.
        ServiceLine serviceLine = transform.serviceLine(line, cpliVersion);
        List<FinanceReceipt.Step> steps = new ArrayList<>();
        ClientRecord known = call(p -> p.findClient(line.clientId()));
        if (known == null) {
            steps.add(importClient(history, client, importReference + "/client"));
        }
        steps.add(importOnce(history, importReference + "/line", ref -> call(p -> p.importServiceLine(ref, serviceLine)),
                FinanceAction.SERVICE_LINE_CREATED, FinanceAction.SERVICE_LINE_UPDATED));
        ServiceDefinition service = referenceData.service(line.serviceCode()).orElse(null);
        if (service != null && service.chargeable() && client.chargeable()) {
            if (known == null || known.getAssessmentStatus() == AssessmentStatus.NONE) {
                String reason = "Chargeable service " + service.name() + " started " + line.startDate();
                steps.add(refer(history, line.clientId(), reason, REFERRED_BY, importReference + "/referral"));
            } else {
                steps.add(new FinanceReceipt.Step(FinanceAction.ASSESSMENT_ALREADY_REFERRED, known.getAssessmentReferralId(),
                        null, "finance shows the financial assessment " + known.getAssessmentStatus()));
            }
        }
        return new FinanceReceipt(steps);
    }

    /** Records the client's date of death in finance (an update of the client). */
    public FinanceReceipt recordDeath(ImportHistory history, Client clientWithDateOfDeath, String importReference) {
        Objects.requireNonNull(clientWithDateOfDeath.dateOfDeath(), "recordDeath needs the client's date of death");
        return deliverClient(history, clientWithDateOfDeath, importReference);
    }

    /** Refers the client for a financial assessment, as LAS asked. */
    public FinanceReceipt referForAssessment(ImportHistory history, AssessmentReferral referral, String importReference) {
        String reason = referral.reason() == null || referral.reason().isBlank()
                ? "Financial assessment requested in LAS" : referral.reason();
        String referredBy = referral.referredBy() == null || referral.referredBy().isBlank() ? "LAS" : referral.referredBy();
        return new FinanceReceipt(List.of(refer(history, referral.lasPersonId(), reason, referredBy, importReference)));
    }

    private FinanceReceipt.Step importClient(ImportHistory history, Client client, String importReference) {
        org.carehub.finance.contrOCC.Client form = transform.client(client);
        return importOnce(history, importReference, ref -> call(p -> p.importClient(ref, form)),
                FinanceAction.CLIENT_CREATED, FinanceAction.CLIENT_UPDATED);
    }

    private FinanceReceipt.Step refer(ImportHistory history, String personRef, String reason, String referredBy,
                                      String importReference) {
        return importOnce(history, importReference, ref -> call(p -> p.referForFinancialAssessment(ref, personRef, reason, referredBy)),
                FinanceAction.ASSESSMENT_REFERRED, FinanceAction.ASSESSMENT_REFERRED);
    }

    /**
     * Records an accepted provider invoice line as an actual finance pays. The import reference must be the
     * hub's {@code <invoiceId>/<lineId>}, so a redelivered invoice never pays a line twice.
     */
    public FinanceReceipt recordActual(ProviderActual actual, String importReference) {
        return new FinanceReceipt(List.of(importOnce(ImportHistory.MAY_HAVE_BEEN_SENT, importReference,
                ref -> call(p -> p.recordActuals(ref, actual)),
                FinanceAction.ACTUAL_RECORDED, FinanceAction.ACTUAL_RECORDED)));
    }

    /**
     * Imports a batch of restated care lines in one call under the import reference (a bulk cleanse's
     * {@code cleanse-<id>/<batchNo>}). Finance is asked first whether it already holds the batch, as for a single
     * import; if it does (the hub stopped after sending it), the same batch sent again gets finance's stored answer
     * for each line and applies nothing a second time.
     */
    public BatchReceipt importServiceLines(String importReference, List<Versioned<CareLine>> lines) {
        // Coded before anything is sent: a missing finance code must not leave half a batch behind.
        List<ServiceLine> forms = lines.stream().map(v -> transform.serviceLine(v.value(), v.version())).toList();
        ImportResult earlier = call(p -> p.getImportStatus(importReference));
        boolean held = earlier.getStatus() == ImportStatus.ACCEPTED || earlier.getStatus() == ImportStatus.UPDATED;
        BatchImportResult outcome = call(p -> p.importServiceLines(importReference, forms));
        ImportResult batch = outcome.getResult();
        if (batch.getStatus() == ImportStatus.REJECTED) {
            throw rejection(batch);
        }
        if (batch.getStatus() == ImportStatus.UNKNOWN || outcome.getLineResults().size() != forms.size()) {
            throw new FinanceUnavailableException("ContrOCC at " + address + " gave no outcome for each line of batch "
                    + importReference + ": " + batch.getMessage(), null);
        }
        Map<String, BusinessRuleViolation> rejected = new LinkedHashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            ImportResult line = outcome.getLineResults().get(i);
            if (line.getStatus() == ImportStatus.REJECTED) {
                rejected.put(forms.get(i).getCpliId(), rejection(line));
            }
        }
        return new BatchReceipt(held || batch.isDuplicate(), batch.getMessage(), rejected);
    }

    /**
     * Asks ContrOCC a harmless question (the status of an import reference that never exists) to show
     * it is reachable; returns the address asked, or throws {@link FinanceUnavailableException}.
     */
    public String checkReachable() {
        call(p -> p.getImportStatus("carehub-health-check"));
        return address;
    }

    /**
     * Sends one import unless finance already holds it as done. Asking first costs a round trip per
     * import, but it is what makes a redelivery after a crash safe; the first attempt of all, by the
     * caller's record, is not asked about.
     */
    private FinanceReceipt.Step importOnce(ImportHistory history, String importReference, Function<String, ImportResult> send,
                                           FinanceAction created, FinanceAction updated) {
        if (history == ImportHistory.MAY_HAVE_BEEN_SENT) {
            ImportResult earlier = call(p -> p.getImportStatus(importReference));
            if (earlier.getStatus() == ImportStatus.ACCEPTED || earlier.getStatus() == ImportStatus.UPDATED) {
                return step(FinanceAction.ALREADY_DONE, earlier);
            }
        }
        ImportResult result = send.apply(importReference);
        if (result.getStatus() == ImportStatus.REJECTED) {
            throw rejection(result);
        }
        if (result.getStatus() == ImportStatus.UNKNOWN) {
            throw new FinanceUnavailableException("ContrOCC at " + address + " gave no outcome for import "
                    + importReference + ": " + result.getMessage(), null);
        }
        if (result.isDuplicate()) {
            return step(FinanceAction.ALREADY_DONE, result);
        }
        return step(result.getStatus() == ImportStatus.UPDATED ? updated : created, result);
    }

    private static FinanceReceipt.Step step(FinanceAction action, ImportResult result) {
        return new FinanceReceipt.Step(action, result.getFinanceId(), result.getImportReference(), result.getMessage());
    }

    /** Finance refused the import: a business failure, parked with finance's reason, field and sentence. */
    static BusinessRuleViolation rejection(ImportResult result) {
        RejectionReason reason = result.getReasonCode();
        String code = reason == null || reason == RejectionReason.INVALID
                ? "FINANCE_REJECTED_OTHER" : "FINANCE_REJECTED_" + reason.name();
        // Finance names the field it blames; without one, the import as a whole is at fault.
        String field = result.getField() == null ? "importReference" : result.getField();
        String value = result.getField() == null ? result.getImportReference() : result.getValue();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("financeMessage", result.getMessage());
        details.put("financeReasonCode", reason == null ? "" : reason.name());
        details.put("importReference", result.getImportReference());
        return new BusinessRuleViolation(code, field, value, details);
    }

    private static int versionIn(String importReference) {
        int colon = importReference.lastIndexOf(':');
        String version = colon < 0 ? "" : importReference.substring(colon + 1);
        if (!version.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("Import reference '" + importReference + "' does not end in ':<version>'"
                    + " (LasEvent.idempotencyKey()); pass the CPLI version explicitly");
        }
        return Integer.parseInt(version);
    }

    // ---- the SOAP client ----------------------------------------------------------------------

    private <T> T call(Function<ContrOCCImport, T> operation) {
        ContrOCCImport current = port();
        try {
            return operation.apply(current);
        } catch (WebServiceException e) {
            throw unavailable(e);
        }
    }

    private FinanceUnavailableException unavailable(WebServiceException e) {
        String what;
        if (e instanceof SOAPFaultException fault) {
            what = "answered with a SOAP fault: " + fault.getFault().getFaultString();
        } else if (causedBy(e, HttpConnectTimeoutException.class)) {
            what = "could not be connected to within " + properties.connectTimeoutMs() + " ms";
        } else if (causedBy(e, SocketTimeoutException.class) || causedBy(e, HttpTimeoutException.class)) {
            what = "did not answer within " + properties.receiveTimeoutMs() + " ms";
        } else if (causedBy(e, ConnectException.class)) {
            what = "refused the connection";
        } else if (cause(e, HTTPException.class) instanceof HTTPException http) {
            what = "answered HTTP " + http.getResponseCode() + " " + http.getResponseMessage();
        } else {
            what = "could not be reached: " + e.getMessage();
        }
        return new FinanceUnavailableException("ContrOCC at " + address + " " + what, e);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    /** Built on first use: the default URL names the web server's port, known only once it runs. */
    private ContrOCCImport port() {
        ContrOCCImport current = port;
        if (current == null) {
            synchronized (this) {
                if (port == null) {
                    address = environment.resolveRequiredPlaceholders(properties.url());
                    port = createPort(address);
                }
                current = port;
            }
        }
        return current;
    }

    private ContrOCCImport createPort(String url) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(ContrOCCImport.class);
        factory.setWsdlURL(Objects.requireNonNull(getClass().getResource("/wsdl/contrOCC-import.wsdl")).toExternalForm());
        factory.setServiceName(new QName(NAMESPACE, "ContrOCCImportService"));
        factory.setEndpointName(new QName(NAMESPACE, "ContrOCCImportPort"));
        factory.setAddress(url);
        ContrOCCImport proxy = (ContrOCCImport) factory.create();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(properties.connectTimeoutMs());
        policy.setReceiveTimeout(properties.receiveTimeoutMs());
        ((HTTPConduit) ClientProxy.getClient(proxy).getConduit()).setClient(policy);
        return proxy;
    }
}
