package org.carehub.channels;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The invoices mailbox providers send invoices to (README, "Providers: email"): polled over IMAP, replies sent
 * from its address by SMTP ({@code spring.mail.*}).
 *
 * @param address        the mailbox address, also the IMAP login and the From of every reply
 * @param pollDelayMs    how long the hub waits between two looks into the mailbox
 * @param maxAttachmentSize an invoice attachment larger than this is refused (INVOICE_TOO_LARGE)
 * @param maxAttachments a mail with more attachments than this is refused whole (INVOICE_TOO_MANY_ATTACHMENTS)
 */
@ConfigurationProperties("carehub.invoices.email")
public record InvoiceMailProperties(@DefaultValue("false") boolean enabled,
                                    @DefaultValue("invoices@council.test") String address,
                                    String password,
                                    @DefaultValue("127.0.0.1") String imapHost,
                                    @DefaultValue("3143") int imapPort,
                                    @DefaultValue("10000") long pollDelayMs,
                                    @DefaultValue("20MB") DataSize maxAttachmentSize,
                                    @DefaultValue("10") int maxAttachments) {
}
