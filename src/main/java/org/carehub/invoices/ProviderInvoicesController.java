package org.carehub.invoices;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.ProducerTemplate;
import org.carehub.channels.BoundedBody;
import org.carehub.channels.SftpFileNames;
import org.carehub.channels.SftpReceipts;
import org.carehub.failures.ParkedHeaders;
import org.carehub.reference.ReferenceData;
import org.carehub.reference.SftpAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST door for providers' invoices: the body is the file (UBL XML or the care-actuals CSV); the answer is the
 * same line-by-line result the other channels get, at once. A provider signs in with its SFTP account
 * (mappings/provider-sftp-accounts.csv) and may only submit under its own reference.
 * <p>The body is read by {@link org.carehub.channels.BoundedBodyFilter} (at most the size limit and one byte). The
 * door keeps the original, puts it on the invoice flow's queue and waits for the flow's answer (request-reply): the
 * file is stored, paid and its held lines parked in the flow's one JMS transaction, as for SFTP and email, so a crash
 * at any point leaves it either not taken (the provider sends it again) or taken whole (docs/decisions.md).
 */
@RestController
public class ProviderInvoicesController {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderInvoicesController.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final InvoiceIntake intake;
    private final ReferenceData reference;
    private final ProducerTemplate producer;
    private final Path received;
    private final long answerTimeoutMs;

    public ProviderInvoicesController(InvoiceIntake intake, ReferenceData reference, ProducerTemplate producer,
                                      @Value("${carehub.data-dir}") Path dataDir,
                                      @Value("${carehub.invoices.rest.answer-timeout-ms:60000}") long answerTimeoutMs) {
        this.intake = intake;
        this.reference = reference;
        this.producer = producer;
        this.received = dataDir.resolve("received").resolve("rest");
        this.answerTimeoutMs = answerTimeoutMs;
    }

    /**
     * @param fileName the file's name as the provider knows it (optional): quoted in the reply and kept with the original
     * @return 200 with the result when the invoice was checked, 422 when it was refused (unreadable, too large or a
     *         duplicate), 403 when the signed-in provider is not {@code ref}, 202 when it was taken but not checked
     *         within the answer timeout, 503 when it could not be handed to the flow (not taken: send it again)
     */
    @PostMapping(path = "/api/providers/{ref}/invoices", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> submit(@PathVariable String ref, HttpServletRequest request,
                                    @RequestHeader(value = "Content-Type", required = false) String contentType,
                                    @RequestParam(required = false) String fileName,
                                    Authentication provider) throws IOException {
        boolean own = reference.sftpAccount(provider.getName()).map(SftpAccount::providerRef).filter(ref::equals).isPresent();
        if (!own) {
            LOG.warn("Provider account {} tried to submit an invoice as {}", provider.getName(), ref);
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        BoundedBody body = BoundedBody.of(request);
        String name = nameOf(fileName, contentType);
        Path original = keep(ref, name, body.bytes());
        InvoiceIntake.Submission submission = new InvoiceIntake.Submission(ref, "rest", name, original.toString(),
                original.toString());
        if (body.tooLarge()) {
            return answer(intake.refuseTooLarge(body, submission));
        }
        Exchange answered = producer.request("jms:queue:" + InvoiceIntake.QUEUE + "?requestTimeout=" + answerTimeoutMs,
                exchange -> {
                    exchange.getMessage().setBody(body.bytes());
                    exchange.getMessage().setHeaders(InvoiceIntake.contractHeaders(submission));
                    exchange.getMessage().setHeader(SftpReceipts.RECEIVED_AT, Instant.now().toString());
                });
        return answer(answered, submission);
    }

    private static ResponseEntity<?> answer(InvoiceReply reply) {
        return ResponseEntity.status(reply.outcome() == InvoiceOutcome.REFUSED ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
                .body(reply);
    }

    /** The flow's answer as the provider gets it; the flow writes it as the JSON of an {@link InvoiceReply}. */
    private static ResponseEntity<?> answer(Exchange answered, InvoiceIntake.Submission submission) {
        Exception failed = answered.getException();
        if (failed instanceof ExchangeTimedOutException) {
            LOG.warn("Invoice {} of {} queued but not answered within the timeout", submission.fileName(), submission.providerRef());
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("fileName", submission.fileName(),
                    "outcome", "RECEIVED", "detail", "The invoice was received and is waiting to be checked. Send the same"
                            + " file again later to learn its invoice id: the hub will answer that it already has it."));
        }
        if (failed != null) {
            LOG.error("Invoice {} of {} could not be handed to the invoice flow; nothing was taken", submission.fileName(),
                    submission.providerRef(), failed);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "60")
                    .body(Map.of("fileName", submission.fileName(), "detail",
                            "The hub could not take the invoice just now; nothing of it was checked or paid. Send it again in a few minutes."));
        }
        String parkedAs = answered.getMessage().getHeader(ParkedHeaders.REASON_CODE, String.class);
        if (parkedAs != null) {
            // The flow failed on the file itself and parked it for the council (route park-on-failure).
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("fileName", submission.fileName(),
                    "reasonCode", parkedAs, "queryReference", answered.getMessage().getHeader(ParkedHeaders.JOURNEY_ID, String.class),
                    "detail", "The invoice was received but could not be checked; the council is looking into it."));
        }
        String outcome = answered.getMessage().getHeader(InvoiceIntake.OUTCOME, String.class);
        return ResponseEntity.status(InvoiceOutcome.REFUSED.name().equals(outcome) ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
                .contentType(MediaType.APPLICATION_JSON).body(answered.getMessage().getBody(String.class));
    }

    private static String nameOf(String fileName, String contentType) {
        if (fileName != null && SftpFileNames.problem(fileName).isEmpty()) {
            return fileName;
        }
        String extension = contentType != null && contentType.toLowerCase().contains("csv") ? ".csv" : ".xml";
        return "invoice-" + UUID.randomUUID().toString().substring(0, 8) + extension;
    }

    /** The original as received, under received/rest/<provider>/<timestamp>-<name>, like the SFTP channel keeps its. */
    private Path keep(String ref, String name, byte[] file) throws IOException {
        Path folder = Files.createDirectories(received.resolve(ref));
        return Files.write(folder.resolve(STAMP.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "-" + name), file);
    }
}
