package org.carehub.channels;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.carehub.reference.ReferenceData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A provider's invoice fetched from a council-run SFTP server (route {@code provider-invoices-sftp-poll}), described
 * for the invoice flow as the hub's own SFTP server describes an upload (docs/provider-channels.md). The file sits at
 * {@code <providerRef>/inbox/<name>} under the polled folder: the folder names the provider, as the account does on
 * the hub's own server, so the council's server must confine each provider to its folder.
 */
@Component("polledSftpInvoices")
public class PolledSftpInvoices {

    /** The channel on the invoice flow: its answers go back to the polled server (route invoice-reply-sftp-polled). */
    public static final String CHANNEL = "sftp-polled";
    /** The name the original is moved to in {@code <providerRef>/received/} on the polled server. */
    public static final String KEPT_NAME = "carehubKeptName";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final ReferenceData reference;
    private final String server;

    public PolledSftpInvoices(ReferenceData reference, @Value("${carehub.invoices.sftp-poll.host}") String host,
                              @Value("${carehub.invoices.sftp-poll.port}") int port,
                              @Value("${carehub.invoices.sftp-poll.folder}") String folder) {
        this.reference = reference;
        this.server = "sftp://" + host + ":" + port + "/" + folder + "/";
    }

    /**
     * Sets the invoice flow contract's headers. A folder that is no provider, or a name the hub's own server would
     * refuse, fails the exchange: the file stays in the inbox and the failure is logged at every poll for a person.
     */
    public void describe(Exchange exchange) {
        Message in = exchange.getMessage();
        String path = in.getHeader(Exchange.FILE_NAME, String.class);
        String providerRef = path.substring(0, path.indexOf('/'));
        String name = in.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (reference.provider(providerRef).isEmpty()) {
            throw new IllegalStateException("Polled SFTP folder " + providerRef + " is no provider in providers.csv; " + path + " left there");
        }
        SftpFileNames.problem(name).ifPresent(problem -> {
            throw new IllegalStateException("Polled SFTP file " + path + " left there: " + problem);
        });
        Instant receivedAt = Instant.now();
        String kept = STAMP.format(receivedAt) + "-" + name;
        in.setHeader(KEPT_NAME, kept);
        in.setHeader(SftpReceipts.PROVIDER_REF, providerRef);
        in.setHeader(SftpReceipts.CHANNEL, CHANNEL);
        in.setHeader(SftpReceipts.FILE_NAME, name);
        in.setHeader(SftpReceipts.RECEIVED_AT, receivedAt.toString());
        in.setHeader(SftpReceipts.ORIGINAL_FILE, server + providerRef + "/received/" + kept);
        in.setBody(in.getBody(byte[].class));
    }
}
