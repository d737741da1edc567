package org.carehub.channels;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.carehub.reference.MappingsReloaded;
import org.carehub.reference.NhsBody;
import org.carehub.reference.OwnerTeam;
import org.carehub.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The default run's mail server: GreenMail with SMTP (what the hub sends through) and IMAP (where staff
 * read their team's mail), with a mailbox for each owner team in owner-teams.csv, and the invoices mailbox
 * providers send invoices to (carehub.invoices.email) when that channel is on, and each NHS body's claims mailbox.
 */
@Component
@ConditionalOnProperty(name = "carehub.mail.embedded.enabled", havingValue = "true")
public class EmbeddedMailServer implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final EmbeddedMailProperties properties;
    private final ReferenceData reference;
    private final InvoiceMailProperties invoiceMail;
    private final GreenMail greenMail;

    public EmbeddedMailServer(EmbeddedMailProperties properties, ReferenceData reference, InvoiceMailProperties invoiceMail) {
        this.properties = properties;
        this.reference = reference;
        this.invoiceMail = invoiceMail;
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(properties.smtpPort(), properties.host(), ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(properties.imapPort(), properties.host(), ServerSetup.PROTOCOL_IMAP)});
    }

    @Override
    public void afterPropertiesSet() {
        greenMail.start();
        addOwnerTeamMailboxes();
        if (invoiceMail.enabled()) {
            greenMail.setUser(invoiceMail.address(), invoiceMail.address(), invoiceMail.password());
        }
        LOG.info("Embedded mail server: SMTP {}:{}, IMAP {}:{} (owner team mailboxes, login = mailbox address)",
                properties.host(), properties.smtpPort(), properties.host(), properties.imapPort());
    }

    /** A team added to owner-teams.csv gets its mailbox without a restart. */
    @EventListener(MappingsReloaded.class)
    public void addOwnerTeamMailboxes() {
        for (OwnerTeam team : reference.ownerTeams()) {
            addMailbox(team.mailbox());
        }
        // The NHS bodies' claims mailboxes (nhs-bodies.csv), where the monthly NHS claim schedules arrive.
        for (NhsBody body : reference.nhsBodies()) {
            addMailbox(body.claimsMailbox());
        }
    }

    private void addMailbox(String address) {
        if (greenMail.getUserManager().getUserByEmail(address) == null) {
            greenMail.setUser(address, address, properties.password());
        }
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
