package org.carehub.invoices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
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
        String provider = exchange.getMessage().getHeader(SftpReceipts.PROVIDER_REF, String.class);
        for (Map.Entry<String, String> file : answerFiles(exchange.getMessage()).entrySet()) {
            write(provider, file.getKey(), file.getValue());
        }
    }

    /**
     * The same two files for an outbox on another server (route invoice-reply-sftp-polled): one message each, its
     * {@code CamelFileName} {@code <providerRef>/outbox/<name>}.
     */
    public List<Message> outboxMessages(Exchange exchange) {
        String provider = exchange.getMessage().getHeader(SftpReceipts.PROVIDER_REF, String.class);
        return answerFiles(exchange.getMessage()).entrySet().stream().map(file -> {
            Message message = new DefaultMessage(exchange.getContext());
            message.setHeader(Exchange.FILE_NAME, provider + "/outbox/" + file.getKey());
            message.setBody(file.getValue());
            return (Message) message;
        }).toList();
    }

    /** File name → content: {@code <file>.result.txt} for people, {@code <file>.result.csv} for software. */
    private static Map<String, String> answerFiles(Message reply) {
        String fileName = reply.getHeader(SftpReceipts.FILE_NAME, String.class);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(fileName + ".result.txt", reply.getBody(String.class));
        files.put(fileName + ".result.csv", reply.getHeader(InvoiceIntake.REPLY_CSV, String.class));
        return files;
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
