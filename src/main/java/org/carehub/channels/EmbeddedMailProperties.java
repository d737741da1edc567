package org.carehub.channels;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The default run's own mail server (GreenMail): where it listens, and the password of the owner teams'
 * mailboxes on it. Off in production, where {@code spring.mail.*} point at the council's relay.
 *
 * @param password every owner team mailbox's password on the embedded server (login = the mailbox address)
 */
@ConfigurationProperties("carehub.mail.embedded")
public record EmbeddedMailProperties(@DefaultValue("false") boolean enabled,
                                     @DefaultValue("127.0.0.1") String host,
                                     @DefaultValue("3025") int smtpPort,
                                     @DefaultValue("3143") int imapPort,
                                     @DefaultValue("mail-pass") String password) {
}
