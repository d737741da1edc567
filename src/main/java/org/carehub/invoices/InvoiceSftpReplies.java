package org.carehub.invoices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.carehub.channels.SftpReceipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes an invoice's answer into the provider's SFTP outbox, beside nothing else of the same name. */
@Component("invoiceSftpReplies")
public class InvoiceSftpReplies {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceSftpReplies.class);

    private final ProviderOutbox outbox;

    public InvoiceSftpReplies(ProviderOutbox outbox) {
        this.outbox = outbox;
    }

    /** Body: the plain-text reply; header carehubReplyCsv: the same as CSV (invoice flow contract). */
    public void write(Exchange exchange) throws IOException {
        Message reply = exchange.getMessage();
        String provider = reply.getHeader(SftpReceipts.PROVIDER_REF, String.class);
        String fileName = reply.getHeader(SftpReceipts.FILE_NAME, String.class);
        write(provider, fileName + ".result.txt", reply.getBody(String.class));
        write(provider, fileName + ".result.csv", reply.getHeader(InvoiceIntake.REPLY_CSV, String.class));
    }

    private void write(String provider, String name, String content) throws IOException {
        try {
            outbox.write(provider, name, content.getBytes(StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException answeredBefore) {
            // A redelivered submission: its answer is already waiting for the provider.
            LOG.info("Outbox of {} already holds {}; not written again", provider, name);
        }
    }
}
