package org.carehub.invoices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.carehub.channels.SftpFileNames;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST door for providers' invoices: the body is the file (UBL XML or the care-actuals CSV); the answer is the
 * same line-by-line result the other channels get, at once. A provider signs in with its SFTP account
 * (mappings/provider-sftp-accounts.csv) and may only submit under its own reference.
 */
@RestController
public class ProviderInvoicesController {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderInvoicesController.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final InvoiceIntake intake;
    private final ReferenceData reference;
    private final Path received;

    public ProviderInvoicesController(InvoiceIntake intake, ReferenceData reference,
                                      @Value("${carehub.data-dir}") Path dataDir) {
        this.intake = intake;
        this.reference = reference;
        this.received = dataDir.resolve("received").resolve("rest");
    }

    /**
     * @param fileName the file's name as the provider knows it (optional): quoted in the reply and kept with the original
     * @return 200 with the result when the invoice was checked, 422 when it was refused (unreadable or a duplicate),
     *         403 when the signed-in provider is not {@code ref}
     */
    @PostMapping(path = "/api/providers/{ref}/invoices", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<InvoiceReply> submit(@PathVariable String ref, @RequestBody byte[] file,
                                               @RequestHeader(value = "Content-Type", required = false) String contentType,
                                               @RequestParam(required = false) String fileName,
                                               Authentication provider) throws IOException {
        boolean own = reference.sftpAccount(provider.getName()).map(SftpAccount::providerRef).filter(ref::equals).isPresent();
        if (!own) {
            LOG.warn("Provider account {} tried to submit an invoice as {}", provider.getName(), ref);
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        String name = nameOf(fileName, contentType);
        Path original = keep(ref, name, file);
        InvoiceIntake.Submission submission = new InvoiceIntake.Submission(ref, "rest", name, original.toString(),
                original.toString());
        InvoiceReply reply = intake.takeAtTheDoor(file, submission);
        return ResponseEntity.status(reply.outcome() == InvoiceOutcome.REFUSED ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
                .body(reply);
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
