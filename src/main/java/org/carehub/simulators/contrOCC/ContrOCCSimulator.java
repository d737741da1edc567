package org.carehub.simulators.contrOCC;

import jakarta.jws.WebService;
import java.beans.Introspector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.carehub.finance.contrOCC.BatchImportResult;
import org.carehub.finance.contrOCC.Client;
import org.carehub.finance.contrOCC.ClientRecord;
import org.carehub.finance.contrOCC.ContrOCCImport;
import org.carehub.finance.contrOCC.ImportClient;
import org.carehub.finance.contrOCC.ImportResult;
import org.carehub.finance.contrOCC.ImportServiceLine;
import org.carehub.finance.contrOCC.ImportServiceLines;
import org.carehub.finance.contrOCC.ProviderActual;
import org.carehub.finance.contrOCC.RecordActuals;
import org.carehub.finance.contrOCC.ImportStatus;
import org.carehub.finance.contrOCC.ReferForFinancialAssessment;
import org.carehub.finance.contrOCC.RejectionReason;
import org.carehub.finance.contrOCC.ServiceLine;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stands in for ContrOCC, the council's care finance system: accepts and rejects imports by
 * ContrOCC's rules and keeps what it holds in its own {@code sim_contrOCC_*} tables. Published over
 * SOAP at {@code /services/contrOCC-sim}; its other methods are the controls tests and demos use
 * (take it down, slow it, look inside).
 */
@Service
@ConditionalOnContrOCCSimulator
@WebService(serviceName = "ContrOCCImportService", portName = "ContrOCCImportPort",
        targetNamespace = "http://carehub.org/contrOCC/import/v1",
        endpointInterface = "org.carehub.finance.contrOCC.ContrOCCImport",
        wsdlLocation = "classpath:wsdl/contrOCC-import.wsdl")
public class ContrOCCSimulator implements ContrOCCImport {

    private static final String BATCH_OPERATION = "importServiceLines";

    private final ContrOCCSimulatorStore store;
    private final TransactionTemplate transactions;
    private final LocalDate closedPeriodBefore;
    private volatile boolean available = true;
    private volatile long delayMillis;
    private volatile boolean importsFailing;

    ContrOCCSimulator(ContrOCCSimulatorStore store, DataSource dataSource, ContrOCCSimulatorProperties properties) {
        this.store = store;
        // Its own transaction manager: the hub may hold several, and an import and its effects commit together.
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.closedPeriodBefore = properties.closedPeriodBefore();
        this.delayMillis = properties.delayMillis();
    }

    // ---- the ContrOCC import service ----------------------------------------------------------

    @Override
    public ClientRecord findClient(String personRef) {
        return store.client(personRef).orElse(null);
    }

    @Override
    public ImportResult getImportStatus(String importReference) {
        return store.findImport(importReference).map(StoredImport::result)
                .orElseGet(() -> ImportResults.unknown(importReference));
    }

    @Override
    public ImportResult importClient(String importReference, Client client) {
        ImportClient request = new ImportClient();
        request.setImportReference(importReference);
        request.setClient(client);
        return process(importReference, request, () -> applyClient(importReference, client));
    }

    @Override
    public ImportResult importServiceLine(String importReference, ServiceLine line) {
        ImportServiceLine request = new ImportServiceLine();
        request.setImportReference(importReference);
        request.setServiceLine(line);
        return process(importReference, request, () -> applyServiceLine(importReference, line));
    }

    @Override
    public ImportResult referForFinancialAssessment(String importReference, String personRef, String reason, String referredBy) {
        ReferForFinancialAssessment request = new ReferForFinancialAssessment();
        request.setImportReference(importReference);
        request.setPersonRef(personRef);
        request.setReason(reason);
        request.setReferredBy(referredBy);
        return process(importReference, request, () -> applyReferral(importReference, personRef, reason, referredBy));
    }

    @Override
    public ImportResult recordActuals(String importReference, ProviderActual actual) {
        RecordActuals request = new RecordActuals();
        request.setImportReference(importReference);
        request.setActual(actual);
        return process(importReference, request, () -> {
            String financeId = store.insertActual(importReference, actual);
            return ImportResults.done(importReference, ImportStatus.ACCEPTED, financeId, "Invoice " + actual.getInvoiceNumber()
                    + " line " + actual.getLineId() + " of provider " + actual.getProviderRef() + " recorded as " + financeId);
        });
    }

    /** The actuals finance holds for one of the hub's invoice ids. */
    public List<SimulatedActual> actuals(String invoiceId) {
        return store.actuals(invoiceId);
    }

    /**
     * One import, in one transaction with its effects: a reference already processed gets its stored
     * answer back (or DUPLICATE_REFERENCE if the content differs). A rejected import changed nothing,
     * so its reference may be sent again, e.g. after the cause was fixed.
     */
    private ImportResult process(String importReference, Object request, Supplier<ImportResult> rules) {
        return process(importReference, Introspector.decapitalize(request.getClass().getSimpleName()),
                ImportFingerprint.of(request), rules);
    }

    /** As above, for imports outside the SOAP contract (e.g. {@link SimulatedDeaths}) that name their own content. */
    ImportResult process(String importReference, String operation, String fingerprint, Supplier<ImportResult> rules) {
        if (importsFailing) {
            // An exception, not an answer: the SOAP caller gets a fault, as from a finance system failing inside.
            throw new IllegalStateException("ContrOCC's import service is failing; import " + importReference
                    + " was not processed");
        }
        Supplier<ImportResult> once = () -> transactions.execute(tx -> {
            Optional<StoredImport> stored = store.findImport(importReference);
            if (stored.isPresent() && stored.get().result().getStatus() != ImportStatus.REJECTED) {
                if (stored.get().contentHash().equals(fingerprint)) {
                    return ImportResults.asDuplicate(stored.get().result());
                }
                return ImportResults.rejected(importReference, RejectionReason.DUPLICATE_REFERENCE, "importReference",
                        importReference, "Import reference " + importReference + " was already used for a different "
                                + stored.get().operation() + "; a new import needs a new reference");
            }
            ImportResult result = rules.get();
            store.saveImport(operation, fingerprint, result);
            return result;
        });
        try {
            return once.get();
        } catch (DuplicateKeyException raced) {
            // A concurrent call with the same reference (or creating the same client) committed first:
            // this one rolled back whole; answering again sees what the other stored.
            return once.get();
        }
    }

    private ImportResult applyClient(String importReference, Client client) {
        String personRef = client.getPersonRef();
        if (client.getSurname() == null || client.getSurname().isBlank()) {
            return ImportResults.rejected(importReference, RejectionReason.INVALID, "surname", null,
                    "Client " + personRef + " has no surname; ContrOCC needs one to hold a client");
        }
        if (client.getDateOfBirth() == null) {
            return ImportResults.rejected(importReference, RejectionReason.INVALID, "dateOfBirth", null,
                    "Client " + personRef + " has no date of birth; ContrOCC needs one to hold a client");
        }
        Optional<ClientRecord> held = store.client(personRef);
        if (held.isPresent()) {
            store.updateClient(client);
            String death = client.getDateOfDeath() == null ? "" : " (date of death " + client.getDateOfDeath() + ")";
            return ImportResults.done(importReference, ImportStatus.UPDATED, held.get().getFinanceId(),
                    "Client " + personRef + " updated" + death);
        }
        String financeId = store.insertClient(client);
        return ImportResults.done(importReference, ImportStatus.ACCEPTED, financeId,
                "Client " + personRef + " created as " + financeId);
    }

    private ImportResult applyServiceLine(String importReference, ServiceLine line) {
        boolean clientKnown = store.lockClient(line.getPersonRef());
        Optional<SimulatedServiceLine> held = store.serviceLines(null, line.getCpliId()).stream().findFirst();
        List<ServiceLine> ofClient = clientKnown
                ? store.serviceLines(line.getPersonRef(), null).stream().map(SimulatedServiceLine::line).toList() : List.of();
        Optional<ImportResult> refused = judge(importReference, line, clientKnown, held, ofClient);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (held.isPresent()) {
            store.replaceServiceLine(held.get().financeId(), line);
            return updated(importReference, held.get().financeId(), line);
        }
        return created(importReference, store.insertServiceLine(line), line);
    }

    /**
     * A bulk restatement: every line judged by the rules of {@link #importServiceLine}, against what finance holds
     * and the lines accepted before it in the batch, then written in one go. Rejected lines are kept as imports of
     * their own ({@code <reference>/<cpliId>}), so a resend of the batch gets each line's answer back.
     */
    @Override
    public BatchImportResult importServiceLines(String importReference, List<ServiceLine> lines) {
        ImportServiceLines request = new ImportServiceLines();
        request.setImportReference(importReference);
        request.getServiceLine().addAll(lines);
        List<ImportResult> lineResults = new ArrayList<>();
        ImportResult batch = process(importReference, BATCH_OPERATION, ImportFingerprint.of(request), () -> {
            lineResults.clear(); // a retry after a race starts over
            lineResults.addAll(applyServiceLines(importReference, lines));
            long rejected = lineResults.stream().filter(r -> r.getStatus() == ImportStatus.REJECTED).count();
            return ImportResults.done(importReference, ImportStatus.ACCEPTED, null, (lines.size() - rejected) + " of "
                    + lines.size() + " service lines imported, " + rejected + " rejected");
        });
        BatchImportResult outcome = new BatchImportResult();
        outcome.setResult(batch);
        if (batch.isDuplicate()) {
            lines.forEach(line -> outcome.getLineResults().add(storedLineResult(importReference, line)));
        } else if (batch.getStatus() != ImportStatus.REJECTED) {
            outcome.getLineResults().addAll(lineResults);
        }
        return outcome;
    }

    private List<ImportResult> applyServiceLines(String batchReference, List<ServiceLine> lines) {
        Set<String> persons = new LinkedHashSet<>();
        Set<String> cplis = new LinkedHashSet<>();
        lines.forEach(line -> {
            persons.add(line.getPersonRef());
            cplis.add(line.getCpliId());
        });
        Set<String> knownClients = store.lockClients(persons);
        Map<String, SimulatedServiceLine> byCpli = new HashMap<>();
        Map<String, List<ServiceLine>> byClient = new HashMap<>();
        for (SimulatedServiceLine held : store.serviceLinesOf(persons, cplis)) {
            byCpli.put(held.line().getCpliId(), held);
            byClient.computeIfAbsent(held.line().getPersonRef(), p -> new ArrayList<>()).add(held.line());
        }
        List<ImportResult> results = new ArrayList<>();
        List<ImportResult> rejections = new ArrayList<>();
        List<SimulatedServiceLine> replaced = new ArrayList<>();
        for (ServiceLine line : lines) {
            String reference = batchReference + "/" + line.getCpliId();
            Optional<SimulatedServiceLine> held = Optional.ofNullable(byCpli.get(line.getCpliId()));
            List<ServiceLine> ofClient = byClient.computeIfAbsent(line.getPersonRef(), p -> new ArrayList<>());
            Optional<ImportResult> refused = judge(reference, line, knownClients.contains(line.getPersonRef()), held, ofClient);
            if (refused.isPresent()) {
                rejections.add(refused.get());
                results.add(refused.get());
                continue;
            }
            // Later lines of the batch are judged against this one, as if imported one by one.
            held.ifPresent(h -> ofClient.remove(h.line()));
            ofClient.add(line);
            if (held.isPresent()) {
                replaced.add(new SimulatedServiceLine(held.get().financeId(), line));
                byCpli.put(line.getCpliId(), replaced.get(replaced.size() - 1));
                results.add(updated(reference, held.get().financeId(), line));
            } else {
                String financeId = store.insertServiceLine(line);
                byCpli.put(line.getCpliId(), new SimulatedServiceLine(financeId, line));
                results.add(created(reference, financeId, line));
            }
        }
        store.replaceServiceLines(replaced);
        store.saveImports(BATCH_OPERATION, rejections);
        return results;
    }

    /** What a line of an already processed batch came to: its stored rejection, or imported with the batch. */
    private ImportResult storedLineResult(String batchReference, ServiceLine line) {
        String reference = batchReference + "/" + line.getCpliId();
        return store.findImport(reference).map(stored -> ImportResults.asDuplicate(stored.result())).orElseGet(() -> {
            ImportResult done = ImportResults.done(reference, ImportStatus.ACCEPTED, null,
                    "Service line " + line.getCpliId() + " was imported with batch " + batchReference);
            done.setDuplicate(true);
            return done;
        });
    }

    /** ContrOCC's rules for a service line, given what it holds: the rejection, or empty when the line may be imported. */
    private Optional<ImportResult> judge(String importReference, ServiceLine line, boolean clientKnown,
                                         Optional<SimulatedServiceLine> held, List<ServiceLine> linesOfClient) {
        String personRef = line.getPersonRef();
        String cpliId = line.getCpliId();
        if (!clientKnown) {
            return Optional.of(ImportResults.rejected(importReference, RejectionReason.CLIENT_UNKNOWN, "personRef", personRef,
                    "ContrOCC holds no client " + personRef + "; the client must be imported before their service lines"));
        }
        if (line.getEndDate() != null && line.getEndDate().isBefore(line.getStartDate())) {
            return Optional.of(ImportResults.rejected(importReference, RejectionReason.INVALID, "endDate", line.getEndDate(),
                    "Service line " + cpliId + " ends on " + line.getEndDate() + ", before it starts on " + line.getStartDate()));
        }
        if (held.isPresent()) {
            Optional<ImportResult> refused = refuseChange(importReference, held.get().line(), line);
            if (refused.isPresent()) {
                return refused;
            }
        } else if (line.getStartDate().isBefore(closedPeriodBefore)) {
            return Optional.of(ImportResults.rejected(importReference, RejectionReason.CLOSED_PERIOD, "startDate",
                    line.getStartDate(), "Service line " + cpliId + " starts on " + line.getStartDate()
                            + ", in a closed finance period (periods before " + closedPeriodBefore + " are closed to new lines)"));
        }
        return refuseOverlap(importReference, line, linesOfClient);
    }

    private static ImportResult updated(String importReference, String financeId, ServiceLine line) {
        return ImportResults.done(importReference, ImportStatus.UPDATED, financeId,
                "Service line " + line.getCpliId() + " updated to version " + line.getCpliVersion());
    }

    private static ImportResult created(String importReference, String financeId, ServiceLine line) {
        return ImportResults.done(importReference, ImportStatus.ACCEPTED, financeId,
                "Service line " + line.getCpliId() + " created as " + financeId);
    }

    /** A change to a line finance holds must be for the same client and a newer version. */
    private Optional<ImportResult> refuseChange(String importReference, ServiceLine held, ServiceLine change) {
        if (!held.getPersonRef().equals(change.getPersonRef())) {
            return Optional.of(ImportResults.rejected(importReference, RejectionReason.INVALID, "personRef",
                    change.getPersonRef(), "Service line " + held.getCpliId() + " belongs to client " + held.getPersonRef()
                            + ", not " + change.getPersonRef()));
        }
        int version = change.getCpliVersion();
        int storedVersion = held.getCpliVersion();
        if (version <= storedVersion) {
            String comparison = version < storedVersion ? " is older than" : " is not newer than";
            return Optional.of(ImportResults.rejected(importReference, RejectionReason.INVALID, "cpliVersion", version,
                    "Service line " + held.getCpliId() + " version " + version + comparison + " stored version " + storedVersion));
        }
        return Optional.empty();
    }

    /** Two active lines of one client may not buy the same element type for the same days. */
    private static Optional<ImportResult> refuseOverlap(String importReference, ServiceLine line, List<ServiceLine> linesOfClient) {
        for (ServiceLine held : linesOfClient) {
            if (held.getCpliId().equals(line.getCpliId()) || !datesOverlap(held, line)) {
                continue;
            }
            Optional<String> sharedType = line.getElements().stream().map(e -> e.getElementType())
                    .filter(type -> held.getElements().stream().anyMatch(e -> e.getElementType().equals(type)))
                    .findFirst();
            if (sharedType.isPresent()) {
                return Optional.of(ImportResults.rejected(importReference, RejectionReason.OVERLAPPING_LINE, "startDate",
                        line.getStartDate(), "Service line " + line.getCpliId() + " (" + period(line) + ") overlaps service line "
                                + held.getCpliId() + " (" + period(held) + ") of client " + line.getPersonRef()
                                + " for element type " + sharedType.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean datesOverlap(ServiceLine a, ServiceLine b) {
        return !a.getStartDate().isAfter(lastDay(b)) && !b.getStartDate().isAfter(lastDay(a));
    }

    private static LocalDate lastDay(ServiceLine line) {
        return line.getEndDate() == null ? LocalDate.MAX : line.getEndDate();
    }

    private static String period(ServiceLine line) {
        return line.getStartDate() + " to " + (line.getEndDate() == null ? "open-ended" : line.getEndDate());
    }

    private ImportResult applyReferral(String importReference, String personRef, String reason, String referredBy) {
        if (!store.lockClient(personRef)) {
            return ImportResults.rejected(importReference, RejectionReason.CLIENT_UNKNOWN, "personRef", personRef,
                    "ContrOCC holds no client " + personRef + "; the client must be imported before a financial assessment referral");
        }
        Optional<SimulatedReferral> open = store.referrals(personRef).stream()
                .filter(r -> ContrOCCSimulatorStore.OPEN.equals(r.status())).findFirst();
        if (open.isPresent()) {
            return ImportResults.done(importReference, ImportStatus.ACCEPTED, open.get().financeId(),
                    "Client " + personRef + " already has an open financial assessment referral " + open.get().financeId()
                            + " (since " + open.get().referredAt().toLocalDate() + "); no second referral made");
        }
        String financeId = store.insertReferral(personRef, reason, referredBy);
        return ImportResults.done(importReference, ImportStatus.ACCEPTED, financeId,
                "Client " + personRef + " referred for financial assessment as " + financeId);
    }

    // ---- controls and inspection, for tests and demos ----------------------------------------

    /** While false, every SOAP call is answered HTTP 503 before anything is read or written. */
    public void setAvailable(boolean available) {
        this.available = available;
    }

    public boolean isAvailable() {
        return available;
    }

    /**
     * While true, finance answers questions (client look-ups, import status: its health check passes) but every import
     * fails with a fault: finance up yet unable to take this work, unlike switched off, which is an outage.
     */
    public void setImportsFailing(boolean importsFailing) {
        this.importsFailing = importsFailing;
    }

    public boolean importsFailing() {
        return importsFailing;
    }

    /** Every SOAP call waits this long before it is answered (to show timeouts). */
    public void setDelayMillis(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    public long delayMillis() {
        return delayMillis;
    }

    /** Service lines held, filtered by client and/or CPLI id (null = any). */
    public List<SimulatedServiceLine> serviceLines(String personRef, String cpliId) {
        return store.serviceLines(personRef, cpliId);
    }

    public List<SimulatedServiceLine> serviceLines(String cpliId) {
        return store.serviceLines(null, cpliId);
    }

    public int countServiceLinesForCpli(String cpliId) {
        return serviceLines(cpliId).size();
    }

    /** Financial assessment referrals, of one client or (null) all. */
    public List<SimulatedReferral> referrals(String personRef) {
        return store.referrals(personRef);
    }

    /** Finance has done the assessment of an open referral; false if there is no such open referral. */
    public boolean completeAssessment(String referralFinanceId) {
        return store.completeReferral(referralFinanceId);
    }

    public SimulatorStats stats() {
        return store.stats(available, delayMillis);
    }
}
