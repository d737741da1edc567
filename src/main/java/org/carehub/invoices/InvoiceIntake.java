package org.carehub.invoices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.carehub.channels.BoundedBody;
import org.carehub.channels.SftpReceipts;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.failures.JourneyLedger;
import org.carehub.failures.JourneyStatus;
import org.carehub.failures.ParkedHeaders;
import org.carehub.failures.Parking;
import org.carehub.failures.RefusedInput;
import org.carehub.finance.ContrOCCAdapter;
import org.carehub.finance.FinanceUnavailableException;
import org.carehub.finance.contrOCC.ProviderActual;
import org.carehub.reference.FailureReason;
import org.carehub.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes one submitted invoice file, whatever the channel (docs/provider-channels.md): reads it, refuses a
 * duplicate, checks each line, stores the result, parks the lines a council team must look at, sends the
 * accepted lines to ContrOCC and returns the reply for the provider. Route {@code provider-invoices} calls it for
 * every channel: the REST door puts the file on the flow's queue and waits for the answer (request-reply), so a
 * file is taken in one JMS transaction whichever way it came (docs/decisions.md, "REST door: one transaction").
 * <p>Safe to run again for the same receipt (a redelivery after a crash or finance being down): the stored invoice
 * is found by its receipt id, nothing is stored twice, and finance skips lines it already holds. The held lines are
 * not parked here but handed to the route ({@link #LINES_TO_PARK}), which parks them in the JMS transaction that
 * consumes the file: a redelivery parks them again because the first attempt's parking rolled back with it.
 */
@Component("invoiceIntake")
public class InvoiceIntake {

    public static final String QUEUE = SftpReceipts.QUEUE;
    public static final String FLOW = "provider-invoices";
    public static final String INVOICE_ID = "carehubInvoiceId";
    public static final String OUTCOME = "carehubInvoiceOutcome";
    public static final String REPLY_CSV = "carehubReplyCsv";
    /** On a parked invoice line: the line a retry from the failure desk checks again. */
    public static final String LINE_ID = "carehubInvoiceLineId";
    /** What makes a submission the same one when it comes again: the kept original, or the broker message. */
    public static final String RECEIPT_ID = "carehubReceiptId";
    /** Exchange property: false when nobody is to be answered (a parked line retried). */
    public static final String REPLY_PROPERTY = "carehubReply";
    /**
     * Exchange property: the parked messages of the lines held for a council team, which route
     * {@code provider-invoices} sends to {@code carehub.invoices.received.parked} inside its JMS transaction.
     */
    public static final String LINES_TO_PARK = "carehubLinesToPark";
    /**
     * Exchange property: the file sent round the flow again, in the same JMS transaction, when finance was out of
     * reach while the REST door waited for its answer (none otherwise).
     */
    public static final String PAY_LATER = "carehubPayLater";
    /** On a file sent round again to pay its accepted lines: its held lines were parked the first time. */
    static final String LINES_PARKED = "carehubInvoiceLinesParked";
    static final String DUPLICATE = "INVOICE_DUPLICATE";

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceIntake.class);

    private final InvoiceReader reader;
    private final InvoiceChecks checks;
    private final InvoiceStore store;
    private final RefusedInput refusedInput;
    private final ContrOCCAdapter finance;
    private final ReferenceData reference;
    private final ObjectMapper json;
    /** For the explanation of a file refused as too large. */
    private final String sizeLimit;

    public InvoiceIntake(InvoiceReader reader, InvoiceChecks checks, InvoiceStore store, RefusedInput refusedInput,
                         ContrOCCAdapter finance, ReferenceData reference, ObjectMapper json,
                         @Value("${carehub.invoices.max-bytes:" + InvoiceReader.DEFAULT_MAX_BYTES + "}") int maxBytes) {
        this.json = json;
        this.sizeLimit = maxBytes + " bytes";
        this.reader = reader;
        this.checks = checks;
        this.store = store;
        this.refusedInput = refusedInput;
        this.finance = finance;
        this.reference = reference;
    }

    /**
     * How a file arrived: the provider the channel signed in, never what the document says.
     *
     * @param replyHeaders how to answer the provider later (email: carehubReplyTo, carehubMailSubject), carried on
     *                     whatever is parked from this file so a retry from the failure desk can still answer
     */
    public record Submission(String providerRef, String channel, String fileName, String originalFile, String receiptId,
                             Map<String, String> replyHeaders) {

        public Submission(String providerRef, String channel, String fileName, String originalFile, String receiptId) {
            this(providerRef, channel, fileName, originalFile, receiptId, Map.of());
        }
    }

    /** Headers of a received file that say how to answer its sender (the invoice flow contract). */
    private static final List<String> REPLY_HEADERS = List.of(EmailInvoiceIntake.REPLY_TO, EmailInvoiceIntake.MAIL_SUBJECT);

    /**
     * Route step: the message body is the file; the exchange leaves with the reply per the invoice flow contract, as
     * JSON when somebody waits for it (the REST door's request-reply), as text otherwise.
     */
    public void receive(Exchange exchange) throws JsonProcessingException {
        Message in = exchange.getMessage();
        byte[] content = in.getBody(byte[].class);
        String originalFile = in.getHeader(SftpReceipts.ORIGINAL_FILE, String.class);
        String receiptId = Optional.ofNullable(in.getHeader(RECEIPT_ID, String.class)).or(() -> Optional.ofNullable(originalFile))
                .orElseGet(() -> in.getHeader("JMSMessageID", String.class));
        Map<String, String> replyHeaders = new HashMap<>();
        REPLY_HEADERS.forEach(name -> Optional.ofNullable(in.getHeader(name, String.class))
                .ifPresent(value -> replyHeaders.put(name, value)));
        Submission submission = new Submission(in.getHeader(SftpReceipts.PROVIDER_REF, String.class),
                in.getHeader(SftpReceipts.CHANNEL, String.class), in.getHeader(SftpReceipts.FILE_NAME, String.class),
                originalFile, receiptId, Map.copyOf(replyHeaders));
        String lineId = in.getHeader(LINE_ID, String.class);
        if (lineId != null) {
            recheckParkedLine(content, submission, lineId);
            exchange.setProperty(LINES_TO_PARK, List.of());
            exchange.setProperty(PAY_LATER, List.of());
            exchange.setProperty(REPLY_PROPERTY, false);
            return;
        }
        // The REST door waits for the answer: finance being down must not keep it waiting through the retries.
        boolean answerAwaited = exchange.getPattern().isOutCapable();
        Taken taken = take(content, submission, answerAwaited);
        boolean parkedBefore = Boolean.TRUE.equals(in.getHeader(LINES_PARKED, Boolean.class));
        exchange.setProperty(LINES_TO_PARK, parkedBefore ? List.of() : taken.held().stream()
                .map(line -> parkedLine(content, submission, taken.reply().invoiceId(), line)).toList());
        exchange.setProperty(PAY_LATER, taken.financeWaiting() ? List.of(payLater(exchange, content, submission)) : List.of());
        InvoiceReply reply = taken.reply();
        in.setBody(answerAwaited ? json.writeValueAsString(reply) : reply.text());
        in.setHeader(INVOICE_ID, reply.invoiceId());
        in.setHeader(OUTCOME, reply.outcome().name());
        in.setHeader(REPLY_CSV, reply.csv());
        exchange.setProperty(REPLY_PROPERTY, true);
    }

    /**
     * A file taken: the answer, and the lines held for a council team, still to be parked (none when the file was
     * refused or a duplicate). Taken again for the same receipt, it holds the same lines.
     */
    record Taken(InvoiceReply reply, List<LineCheck> held, boolean financeWaiting) {

        static Taken answered(InvoiceReply reply) {
            return new Taken(reply, List.of(), false);
        }
    }

    /**
     * @param financeMayWait answer even if ContrOCC is out of reach ({@link Taken#financeWaiting()}): the caller sends
     *                       the file round again to pay its accepted lines with the flow's retries
     */
    private Taken take(byte[] content, Submission submission, boolean financeMayWait) {
        InvoiceReading reading = reader.read(content, submission.fileName(), submission.providerRef());
        if (reading instanceof InvoiceReading.Refused refused) {
            return Taken.answered(refuse(content, submission, refused));
        }
        ProviderInvoice invoice = ((InvoiceReading.Accepted) reading).invoice();
        String contentHash = sha256(content);
        Optional<String> stored = store.invoiceOf(submission.receiptId());
        if (stored.isPresent()) {
            LOG.info("Invoice {} of {} taken again (receipt {}): finishing what was started", stored.get(),
                    invoice.provider(), submission.receiptId());
            List<LineCheck> lines = checks.check(invoice);
            deliver(stored.get(), invoice, lines);
            return new Taken(InvoiceReply.checked(stored.get(), invoice, submission.fileName(), lines), held(lines), false);
        }
        Optional<InvoiceStore.Earlier> earlier = store.earlier(invoice.provider(), invoice.invoiceNumber(), contentHash);
        if (earlier.isPresent()) {
            return Taken.answered(duplicate(invoice, submission, earlier.get()));
        }
        List<LineCheck> lines = checks.check(invoice);
        String invoiceId = "INV-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        InvoiceStore.Receipt receipt = new InvoiceStore.Receipt(submission.receiptId(), submission.channel(),
                submission.fileName(), submission.originalFile());
        earlier = store.save(invoiceId, invoice, contentHash, receipt, InvoiceOutcome.of(lines), lines);
        if (earlier.isPresent()) {
            return Taken.answered(duplicate(invoice, submission, earlier.get()));
        }
        boolean financeWaiting = false;
        try {
            deliver(invoiceId, invoice, lines);
        } catch (FinanceUnavailableException financeDown) {
            if (!financeMayWait) {
                throw financeDown;
            }
            LOG.warn("Invoice {}: finance out of reach ({}); the invoice flow pays its accepted lines later", invoiceId,
                    financeDown.getMessage());
            financeWaiting = true;
        }
        LOG.info("Invoice {} ({} of {}) checked: {}", invoiceId, invoice.invoiceNumber(), invoice.provider(),
                InvoiceOutcome.of(lines));
        return new Taken(InvoiceReply.checked(invoiceId, invoice, submission.fileName(), lines), held(lines), financeWaiting);
    }

    private static List<LineCheck> held(List<LineCheck> lines) {
        return lines.stream().filter(l -> l.outcome() == LineOutcome.PARKED).toList();
    }

    /**
     * A parked line retried from the failure desk once its owner team fixed the cause: checked again, paid if it
     * passes now, parked again (by the route's error handling) with whatever still stops it.
     */
    private void recheckParkedLine(byte[] content, Submission submission, String lineId) {
        InvoiceReading reading = reader.read(content, submission.fileName(), submission.providerRef());
        ProviderInvoice invoice = ((InvoiceReading.Accepted) reading).invoice();
        String invoiceId = store.invoiceOf(submission.receiptId()).orElseThrow(() -> new IllegalStateException(
                "Parked line " + lineId + " names receipt " + submission.receiptId() + ", which holds no invoice"));
        LineCheck check = checks.check(invoice).stream().filter(l -> lineId.equals(l.line().lineId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Invoice " + invoiceId + " has no line " + lineId));
        if (check.outcome() != LineOutcome.ACCEPTED) {
            throw new BusinessRuleViolation(check.reasonCode(), "line", lineId, check.details());
        }
        sendToFinance(invoiceId, invoice, check);
        store.lineAccepted(invoiceId, check);
        LOG.info("Parked line {} of invoice {} passed its checks on retry and was sent for payment", lineId, invoiceId);
    }

    /** Accepted lines to ContrOCC, each under the import reference {@code <invoiceId>/<lineId>}: never paid twice. */
    private void deliver(String invoiceId, ProviderInvoice invoice, List<LineCheck> lines) {
        List<String> accepted = store.acceptedLines(invoiceId);
        lines.stream().filter(l -> accepted.contains(l.line().lineId()))
                .forEach(l -> sendToFinance(invoiceId, invoice, l));
    }

    private void sendToFinance(String invoiceId, ProviderInvoice invoice, LineCheck check) {
        finance.recordActual(actual(invoiceId, invoice, check), invoiceId + "/" + check.line().lineId());
    }

    /** The actual for ContrOCC; a credit note's line is a negative actual (units and amount) at the invoiced rate. */
    static ProviderActual actual(String invoiceId, ProviderInvoice invoice, LineCheck check) {
        ProviderInvoice.Line line = check.line();
        ProviderActual actual = new ProviderActual();
        actual.setProviderRef(invoice.provider());
        actual.setInvoiceId(invoiceId);
        actual.setInvoiceNumber(invoice.invoiceNumber());
        actual.setLineId(line.lineId());
        actual.setPersonRef(line.clientId());
        actual.setCpliId(check.careLine().cpliId());
        actual.setElementType(line.elementCode());
        actual.setPeriodFrom(line.periodFrom());
        actual.setPeriodTo(line.periodTo());
        actual.setUnits(invoice.creditNote() ? line.units().negate() : line.units());
        actual.setUnitRate(line.unitRate());
        actual.setAmount(invoice.creditNote() ? line.amount().negate() : line.amount());
        return actual;
    }

    /** One parked message per line a council team must look at, carrying the whole invoice as received. */
    private Message parkedLine(byte[] content, Submission submission, String invoiceId, LineCheck line) {
        Map<String, Object> headers = new HashMap<>(contractHeaders(submission));
        headers.put(INVOICE_ID, invoiceId);
        headers.put(LINE_ID, line.line().lineId());
        headers.put(ParkedHeaders.CLIENT_ID, line.line().clientId());
        headers.put(ParkedHeaders.CARE_LINE_ID, line.careLine() == null ? null : line.careLine().cpliId());
        return refusedInput.parkedMessage(QUEUE, new JourneyLedger.Subject(FLOW, submission.channel(), invoiceId + "/" + line.line().lineId(),
                        1, "INVOICE_LINE", line.line().clientId(), headers.get(ParkedHeaders.CARE_LINE_ID) == null ? null
                        : (String) headers.get(ParkedHeaders.CARE_LINE_ID)), JourneyStatus.PARKED, content, headers,
                new Parking.Classified(line.reasonCode(), "line", line.line().lineId(), line.details()));
    }

    /** An unreadable file: parked as received for its owner (the provider, or accounts payable for a PDF), and answered. */
    private InvoiceReply refuse(byte[] content, Submission submission, InvoiceReading.Refused refused) {
        Map<String, Object> details = Map.of("fileName", String.valueOf(submission.fileName()), "detail", refused.detail(),
                "limit", sizeLimit);
        String journeyId = refusedInput.park(QUEUE, new JourneyLedger.Subject(FLOW, submission.channel(), null, null,
                        null, null, null), JourneyStatus.REFUSED, content, contractHeaders(submission),
                new Parking.Classified(refused.reasonCode(), "file", submission.fileName(), details));
        FailureReason reason = reference.reason(refused.reasonCode());
        LOG.warn("Invoice file {} of {} refused as {}: {}", submission.fileName(), submission.providerRef(),
                refused.reasonCode(), refused.detail());
        return InvoiceReply.refused(submission.providerRef(), null, submission.fileName(), journeyId, refused.reasonCode(),
                reason.explain(details), reason.fix(details),
                refused.findings().stream().map(InvoiceFinding::summary).toList());
    }

    private InvoiceReply duplicate(ProviderInvoice invoice, Submission submission, InvoiceStore.Earlier earlier) {
        Map<String, Object> details = Map.of("invoiceNumber", invoice.invoiceNumber(), "providerRef", invoice.provider(),
                "earlierInvoiceId", earlier.invoiceId(), "why", earlier.why());
        FailureReason reason = reference.reason(DUPLICATE);
        LOG.info("Invoice {} of {} refused: a duplicate of {}", invoice.invoiceNumber(), invoice.provider(), earlier.invoiceId());
        return InvoiceReply.refused(invoice.provider(), invoice.invoiceNumber(), submission.fileName(), earlier.invoiceId(),
                DUPLICATE, reason.explain(details), reason.fix(details), List.of());
    }

    /** The file again, for the flow to find by its receipt and pay once finance is back; its held lines are parked. */
    private static Message payLater(Exchange exchange, byte[] content, Submission submission) {
        Message again = new DefaultMessage(exchange.getContext());
        again.setBody(content);
        contractHeaders(submission).forEach((name, value) -> {
            if (value != null) {
                again.setHeader(name, value);
            }
        });
        again.setHeader(SftpReceipts.RECEIVED_AT, exchange.getMessage().getHeader(SftpReceipts.RECEIVED_AT));
        again.setHeader(LINES_PARKED, true);
        return again;
    }

    /**
     * A file over the size limit, refused at the REST door from the part of it that was read (the limit and one byte):
     * parked and answered as the flow refuses any file.
     */
    public InvoiceReply refuseTooLarge(BoundedBody body, Submission submission) {
        return refuse(body.bytes(), submission, InvoiceReading.Refused.of(InvoiceReasons.TOO_LARGE,
                "the file is more than " + body.limit() + " bytes, the most the hub takes; only its first "
                        + body.bytes().length + " bytes were read and kept"));
    }

    /** The invoice flow contract's headers of a received file (docs/provider-channels.md); a new, changeable map. */
    static Map<String, Object> contractHeaders(Submission submission) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(SftpReceipts.PROVIDER_REF, submission.providerRef());
        headers.put(ParkedHeaders.PROVIDER_REF, submission.providerRef());
        headers.put(SftpReceipts.CHANNEL, submission.channel());
        headers.put(SftpReceipts.FILE_NAME, submission.fileName());
        headers.put(SftpReceipts.ORIGINAL_FILE, submission.originalFile());
        headers.put(RECEIPT_ID, submission.receiptId());
        headers.putAll(submission.replyHeaders());
        return headers;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
