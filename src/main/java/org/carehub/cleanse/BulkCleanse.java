package org.carehub.cleanse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.carehub.cases.CareLine;
import org.carehub.cases.CaseStore;
import org.carehub.cases.CaseStore.Versioned;
import org.carehub.cleanse.LineOutcome.Failure;
import org.carehub.cleanse.LineOutcome.Outcome;
import org.carehub.cluster.ClusterProperties;
import org.carehub.cluster.DatabaseClusterService;
import org.carehub.cluster.LeaseTable;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.finance.BatchReceipt;
import org.carehub.finance.ContrOCCAdapter;
import org.carehub.reference.FailureReason;
import org.carehub.failures.Outages;
import org.carehub.reference.OwnerTeam;
import org.carehub.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Bulk cleanse: a file restating many care lines (docs/bulk-cleanse.md) is uploaded, dry-run (report.csv and a
 * summary by owner team, nothing changed), then applied to finance in batches, one import per batch. Route
 * {@code bulk-cleanse} calls {@link #runPending()} on every hub; a cleanse runs on the hub holding its lease, so after a
 * crash the same or another hub resumes it where its last finished batch left it, and a batch that was sent but not
 * recorded is asked about in finance before it goes again: no line is applied twice. Memory stays bounded by the batch
 * size whatever the file's size: the file is read one care line at a time, twice (dry run, apply).
 */
@Component("bulkCleanse")
public class BulkCleanse {

    private static final Logger log = LoggerFactory.getLogger(BulkCleanse.class);
    private static final String UPLOAD = "upload.csv";
    private static final String REPORT = "report.csv";
    /** Dry-run progress is logged every this many lines; apply logs every batch. */
    private static final long DRY_RUN_LOG_EVERY = 50_000;

    private final CleanseStore store;
    private final Restatement restatement;
    private final ContrOCCAdapter finance;
    private final CaseStore cases;
    private final ReferenceData reference;
    private final LeaseTable leases;
    private final String member;
    private final ClusterProperties cluster;
    private final CleanseProperties properties;
    private final Outages outages;

    public BulkCleanse(CleanseStore store, Restatement restatement, ContrOCCAdapter finance, CaseStore cases,
                       ReferenceData reference, LeaseTable leases, DatabaseClusterService clusterService,
                       ClusterProperties cluster, CleanseProperties properties, Outages outages) {
        this.store = store;
        this.restatement = restatement;
        this.finance = finance;
        this.cases = cases;
        this.reference = reference;
        this.leases = leases;
        this.member = clusterService.memberId();
        this.cluster = cluster;
        this.properties = properties;
        this.outages = outages;
    }

    // ---- what people ask for -----------------------------------------------------------------------

    /**
     * Takes an uploaded file, streamed to disk with its SHA-256, and asks for its dry run. A file over
     * {@code carehub.cleanse.max-upload-size} is refused (status REFUSED, CLEANSE_FILE_TOO_LARGE); what was received
     * of it is kept.
     */
    public CleanseProgress upload(String fileName, InputStream body, String uploadedBy) throws IOException {
        String name = fileName == null || fileName.isBlank() ? UPLOAD : Path.of(fileName).getFileName().toString();
        name = name.length() > 255 ? name.substring(0, 255) : name;
        Path incoming = properties.storageDir().resolve("incoming");
        Files.createDirectories(incoming);
        Path received = Files.createTempFile(incoming, "upload-", ".csv");
        MessageDigest sha256 = sha256();
        long limit = properties.maxUploadSize().toBytes();
        long size;
        try (InputStream in = new DigestInputStream(body, sha256); OutputStream out = Files.newOutputStream(received)) {
            size = copyAtMost(in, out, limit + 1);
        }
        boolean tooLarge = size > limit;
        String checksum = HexFormat.of().formatHex(sha256.digest());
        long id;
        if (tooLarge) {
            Map<String, Object> values = Map.of("fileName", name, "limit", properties.maxUploadSize().toMegabytes() + " MB");
            FailureReason reason = reference.reason("CLEANSE_FILE_TOO_LARGE");
            id = store.create(name, checksum, size, uploadedBy, CleanseStatus.REFUSED, reason.code(), reason.explain(values));
            log.warn("Cleanse upload {} refused: {} (kept as received: {} bytes)", name, reason.explain(values), size);
        } else {
            id = store.create(name, checksum, size, uploadedBy, CleanseStatus.DRY_RUN_REQUESTED, null, null);
            log.info("Cleanse {} uploaded by {}: {} ({} bytes, sha256 {}); dry run requested", id, uploadedBy, name, size, checksum);
        }
        Files.createDirectories(folder(id));
        Files.move(received, upload(id), StandardCopyOption.REPLACE_EXISTING);
        return progress(id);
    }

    /**
     * Applies a cleanse whose dry run is done. {@code checksum} must be the SHA-256 of the file the dry run read (as
     * its progress shows), so what is applied is what the operator reviewed.
     */
    public CleanseProgress requestApply(long cleanseId, String checksum, String requestedBy) {
        CleanseRecord cleanse = record(cleanseId);
        if (cleanse.status() != CleanseStatus.DRY_RUN_DONE) {
            throw new CleanseRequestException("Cleanse " + cleanseId + " is " + cleanse.status()
                    + "; only a cleanse whose dry run is done (DRY_RUN_DONE) can be applied");
        }
        if (checksum == null || !checksum.equalsIgnoreCase(cleanse.checksum())) {
            throw new CleanseRequestException("Checksum " + checksum + " is not that of the file cleanse " + cleanseId
                    + " dry-ran (" + cleanse.checksum() + "); apply names the file whose report was read");
        }
        if (!store.requestApply(cleanseId, requestedBy)) {
            throw new CleanseRequestException("Cleanse " + cleanseId + " was changed meanwhile; ask for its progress again");
        }
        log.info("Cleanse {} apply requested by {} ({} lines would change)", cleanseId, requestedBy, cleanse.wouldChange());
        return progress(cleanseId);
    }

    public CleanseProgress progress(long cleanseId) {
        return CleanseProgress.of(record(cleanseId));
    }

    public List<CleanseProgress> all() {
        return store.all().stream().map(CleanseProgress::of).toList();
    }

    /** The dry run's report, once the dry run is done. */
    public Path report(long cleanseId) {
        CleanseStatus status = record(cleanseId).status();
        if (status == CleanseStatus.DRY_RUN_REQUESTED || status == CleanseStatus.REFUSED || status == CleanseStatus.FAILED) {
            throw new CleanseRequestException("Cleanse " + cleanseId + " is " + status + ": it has no report");
        }
        return folder(cleanseId).resolve(REPORT);
    }

    public CleanseSummary summary(long cleanseId) {
        CleanseRecord cleanse = record(cleanseId);
        Map<String, Long> outcomes = new TreeMap<>();
        Map<String, Map<String, Long>> byTeam = new TreeMap<>();
        for (CleanseStore.OutcomeCount count : store.countOutcomes(cleanseId)) {
            outcomes.merge(count.outcome(), count.lines(), Long::sum);
            if (count.ownerTeam() != null) {
                byTeam.computeIfAbsent(count.ownerTeam(), t -> new TreeMap<>()).merge(count.reasonCode(), count.lines(), Long::sum);
            }
        }
        List<CleanseSummary.TeamFailures> teams = byTeam.entrySet().stream().map(e -> new CleanseSummary.TeamFailures(
                e.getKey(), reference.ownerTeam(e.getKey()).map(OwnerTeam::name).orElse(e.getKey()),
                e.getValue().values().stream().mapToLong(Long::longValue).sum(), e.getValue())).toList();
        return new CleanseSummary(cleanseId, cleanse.status(), outcomes, teams);
    }

    // ---- the work, on the hub holding the cleanse's lease ------------------------------------------

    /** Runs (or resumes) the oldest cleanse waiting to run that no other hub holds, to its end. */
    public void runPending() {
        List<Long> waiting;
        try {
            waiting = store.runnable();
        } catch (DataAccessException | TransactionException failure) {
            // While the database fails its health check (the outages bean, as for the queue routes), the next poll
            // looks again: not a stack trace every second meanwhile. Any other failure is the timer route's to report.
            String down = outages.outage(failure).orElseThrow(() -> failure);
            log.debug("No look for cleanses to run: {}", down);
            return;
        }
        for (long cleanseId : waiting) {
            String lease = "cleanse-" + cleanseId;
            if (!leases.takeOrRenew(lease, member, cluster.leaseExpiry())) {
                continue;
            }
            try {
                run(record(cleanseId), lease);
            } catch (RuntimeException stopped) {
                // Finance down, the lease lost, ...: kept to show; the next poll (here or on another hub) resumes.
                store.lastError(cleanseId, String.valueOf(stopped.getMessage()));
                log.warn("Cleanse {} stopped, to be resumed: {}", cleanseId, stopped.toString());
            } finally {
                leases.release(lease, member);
            }
            return;
        }
    }

    private void run(CleanseRecord cleanse, String lease) {
        try {
            if (cleanse.status() == CleanseStatus.DRY_RUN_REQUESTED) {
                dryRun(cleanse, lease);
            } else {
                apply(cleanse, lease);
            }
        } catch (BusinessRuleViolation unreadable) {
            Failure failure = failure(unreadable, "", cleanse.cleanseId());
            store.failed(cleanse.cleanseId(), failure.reasonCode(), failure.explanation());
            log.warn("Cleanse {} failed: {} {}", cleanse.cleanseId(), failure.reasonCode(), failure.explanation());
        } catch (IOException e) {
            throw new UncheckedIOException("Cleanse " + cleanse.cleanseId() + ": " + e.getMessage(), e);
        }
    }

    private void dryRun(CleanseRecord cleanse, String lease) throws IOException {
        long id = cleanse.cleanseId();
        store.startDryRun(id);
        log.info("Cleanse {} dry run started on {}", id, member);
        try (CleanseFile file = CleanseFile.open(upload(id), cleanse.fileName()); CleanseReport report = CleanseReport.create(folder(id).resolve(REPORT))) {
            List<CareLineRows> chunk = new ArrayList<>(properties.batchSize());
            long lines = 0;
            for (CareLineRows rows = file.next(); rows != null; rows = file.next()) {
                chunk.add(rows);
                if (chunk.size() == properties.batchSize()) {
                    lines += dryRunChunk(id, chunk, file.position(), report);
                    chunk.clear();
                    keep(lease);
                    if (lines % DRY_RUN_LOG_EVERY < properties.batchSize()) {
                        log.info("Cleanse dry run: {}", progress(id));
                    }
                }
            }
            dryRunChunk(id, chunk, file.position(), report);
        }
        store.dryRunDone(id);
        log.info("Cleanse dry run done: {}", progress(id));
    }

    private int dryRunChunk(long id, List<CareLineRows> chunk, long position, CleanseReport report) throws IOException {
        Set<String> earlier = store.alreadyInFile(id, chunk.stream().map(CareLineRows::cpliId).toList());
        Set<String> seen = new HashSet<>();
        List<CareLineRows> once = new ArrayList<>(chunk.size());
        Map<Long, LineOutcome> outcomes = new TreeMap<>();
        for (CareLineRows rows : chunk) {
            if (earlier.contains(rows.cpliId()) || !seen.add(rows.cpliId())) {
                BusinessRuleViolation twice = CleanseFile.problem("CLEANSE_ROWS_NOT_CONSECUTIVE", rows.firstRow(),
                        CleanseFile.CPLI_ID, rows.cpliId());
                outcomes.put(rows.firstRow(), fails(id, rows, twice, null));
            } else {
                once.add(rows);
            }
        }
        for (Restatement.Result result : restatement.restate(once, rows -> eventId(id, rows))) {
            CareLineRows rows = result.rows();
            outcomes.put(rows.firstRow(), result.failure() == null
                    ? new LineOutcome(rows.firstRow(), rows.cpliId(), Outcome.WOULD_CHANGE, null, null)
                    : fails(id, rows, result.failure(), null));
        }
        for (LineOutcome outcome : outcomes.values()) {
            report.write(outcome);
        }
        report.flush();
        store.recordDryRunChunk(id, new ArrayList<>(outcomes.values()), position);
        return chunk.size();
    }

    private LineOutcome fails(long id, CareLineRows rows, BusinessRuleViolation why, Integer batchNo) {
        return new LineOutcome(rows.firstRow(), rows.cpliId(), Outcome.FAILS, failure(why, rows.cpliId(), id), batchNo);
    }

    /**
     * Applies the lines the dry run said would change, in windows of batch-size lines of the file: each window's lines
     * are restated again (the case store may have moved on), the passing ones sent as one batch, and the whole window
     * settled in one transaction with the case store's new versions.
     */
    private void apply(CleanseRecord cleanse, String lease) throws IOException {
        long id = cleanse.cleanseId();
        store.startApplyRun(id);
        int batchNo = store.lastDoneBatch(id);
        log.info("Cleanse {} apply {} on {} after row {} (batch {} done)", id, batchNo == 0 ? "started" : "resumed", member,
                cleanse.appliedThroughRow(), batchNo);
        try (CleanseFile file = CleanseFile.open(upload(id), cleanse.fileName())) {
            List<CareLineRows> window = new ArrayList<>(properties.batchSize());
            for (CareLineRows rows = file.next(); rows != null; rows = file.next()) {
                if (rows.firstRow() <= cleanse.appliedThroughRow()) {
                    continue; // settled before the hub stopped
                }
                window.add(rows);
                if (window.size() == properties.batchSize()) {
                    batchNo = applyWindow(id, window, batchNo);
                    window.clear();
                    keep(lease);
                }
            }
            if (!window.isEmpty()) {
                applyWindow(id, window, batchNo);
            }
        }
        store.applied(id);
        log.info("Cleanse applied: {}", progress(id));
    }

    private int applyWindow(long id, List<CareLineRows> window, int lastBatch) {
        long throughRow = window.get(window.size() - 1).firstRow();
        Map<Long, Boolean> wouldChange = store.dryRunOutcomes(id, window.get(0).firstRow(), throughRow);
        List<LineOutcome> settled = new ArrayList<>();
        Map<String, Versioned<CareLine>> toSend = new LinkedHashMap<>();
        Map<String, Long> rowOf = new LinkedHashMap<>();
        List<CareLineRows> toRestate = window.stream().filter(rows -> wouldChange.getOrDefault(rows.firstRow(), false)).toList();
        long passedBy = window.size() - toRestate.size();
        for (Restatement.Result result : restatement.restate(toRestate, rows -> eventId(id, rows))) {
            CareLineRows rows = result.rows();
            if (result.failure() == null) {
                toSend.put(rows.cpliId(), result.restated());
                rowOf.put(rows.cpliId(), rows.firstRow());
            } else {
                settled.add(fails(id, rows, result.failure(), null));
            }
        }
        if (toSend.isEmpty()) {
            store.settle(id, null, settled, passedBy, throughRow, () -> { });
            return lastBatch;
        }
        int batchNo = lastBatch + 1;
        String reference = "cleanse-" + id + "/" + batchNo;
        store.batchSent(id, batchNo, window.get(0).firstRow(), throughRow, toSend.size());
        Map<String, BusinessRuleViolation> rejected = send(reference, new ArrayList<>(toSend.values()));
        List<Versioned<CareLine>> accepted = new ArrayList<>();
        toSend.forEach((cpliId, line) -> {
            BusinessRuleViolation refusal = rejected.get(cpliId);
            if (refusal == null) {
                accepted.add(line);
                settled.add(new LineOutcome(rowOf.get(cpliId), cpliId, Outcome.APPLIED, null, batchNo));
            } else {
                settled.add(new LineOutcome(rowOf.get(cpliId), cpliId, Outcome.REJECTED_BY_FINANCE,
                        failure(refusal, cpliId, id), batchNo));
            }
        });
        store.settle(id, batchNo, settled, passedBy, throughRow, () -> cases.saveChangedCareLines(accepted));
        log.info("Cleanse {} batch {}: {} applied, {} rejected by finance; {}", id, batchNo, accepted.size(),
                rejected.size(), progress(id));
        return batchNo;
    }

    /** Finance's rejections by CPLI id; a batch refused as a whole (its reference reused) rejects every line. */
    private Map<String, BusinessRuleViolation> send(String reference, List<Versioned<CareLine>> lines) {
        try {
            BatchReceipt receipt = finance.importServiceLines(reference, lines);
            if (receipt.alreadyDone()) {
                log.info("Batch {} was already in finance (sent before the hub stopped): its stored outcome taken", reference);
            }
            return receipt.rejected();
        } catch (BusinessRuleViolation wholeBatch) {
            Map<String, BusinessRuleViolation> all = new LinkedHashMap<>();
            lines.forEach(line -> all.put(line.value().cpliId(), wholeBatch));
            return all;
        }
    }

    /** Renews the cleanse's lease between chunks; a hub that lost it stops, and the holder carries on. */
    private void keep(String lease) {
        if (!leases.takeOrRenew(lease, member, cluster.leaseExpiry())) {
            throw new IllegalStateException("Lease " + lease + " was taken by another hub; this hub stops the cleanse");
        }
    }

    /** The catalogue's reason for the line, filled in. */
    private Failure failure(BusinessRuleViolation violation, String cpliId, long cleanseId) {
        FailureReason reason = reference.reason(violation.reasonCode());
        Map<String, Object> values = new LinkedHashMap<>(violation.details());
        values.putIfAbsent("careLineId", cpliId);
        values.putIfAbsent("clientId", "");
        values.putIfAbsent("journeyId", "cleanse " + cleanseId);
        return new Failure(reason.code(), violation.field(), violation.value(), reason.explain(values), reason.fix(values),
                reason.ownerTeam());
    }

    private static String eventId(long cleanseId, CareLineRows rows) {
        return "cleanse-" + cleanseId + "-row-" + rows.firstRow();
    }

    private CleanseRecord record(long cleanseId) {
        return store.find(cleanseId).orElseThrow(() -> new CleanseNotFoundException(cleanseId));
    }

    private Path folder(long cleanseId) {
        return properties.storageDir().resolve(String.valueOf(cleanseId));
    }

    private Path upload(long cleanseId) {
        return folder(cleanseId).resolve(UPLOAD);
    }

    private static long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        int n;
        while (copied < max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - copied))) > 0) {
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
