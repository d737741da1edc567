package org.carehub.failures;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.carehub.cluster.DatabaseClusterService;
import org.carehub.reference.OwnerTeam;
import org.carehub.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails each owner team that has parked items one digest listing them, each with its fix, so the
 * team acts without having to open the console. Teams with nothing parked get no mail.
 */
@Component
public class BacklogDigest {

    private static final Logger LOG = LoggerFactory.getLogger(BacklogDigest.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");
    /** With two hubs the scheduled digest goes from the hub leading this (org.carehub.cluster), so teams get one mail. */
    public static final String SENDER = "owner-team-digest";

    private final Backlog backlog;
    private final ReferenceData reference;
    private final JavaMailSender mail;
    private final DigestProperties digest;
    private final BacklogProperties backlogProperties;
    private final CamelClusterView sender;

    public BacklogDigest(Backlog backlog, ReferenceData reference, JavaMailSender mail, DigestProperties digest,
                         BacklogProperties backlogProperties, DatabaseClusterService cluster) throws Exception {
        this.backlog = backlog;
        this.reference = reference;
        this.mail = mail;
        this.digest = digest;
        this.backlogProperties = backlogProperties;
        this.sender = cluster.getView(SENDER);
    }

    @Scheduled(cron = "${carehub.digest.cron:0 30 7 * * MON-FRI}", zone = "${carehub.backlog.zone:Europe/London}")
    public void onSchedule() {
        if (sender.getLocalMember().isLeader()) {
            sendNow();
        } else {
            LOG.info("Digest: sent by the hub leading {}, {}", SENDER,
                    sender.getLeader().map(CamelClusterMember::getId).orElse("none right now"));
        }
    }

    /** Sends every owner team with parked items its digest now; one team's failure does not stop the others. */
    public DigestResult sendNow() {
        Map<String, List<ParkedItem>> byTeam = new LinkedHashMap<>();
        for (ParkedItem item : backlog.items()) {
            byTeam.computeIfAbsent(item.ownerTeam(), team -> new ArrayList<>()).add(item);
        }
        int teamsMailed = 0;
        int items = 0;
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, List<ParkedItem>> entry : byTeam.entrySet()) {
            Optional<OwnerTeam> team = Optional.ofNullable(entry.getKey()).flatMap(reference::ownerTeam);
            if (team.isEmpty()) {
                LOG.warn("Digest: {} parked item(s) name owner team {}, which is not in owner-teams.csv; not mailed",
                        entry.getValue().size(), entry.getKey());
                failed.add(String.valueOf(entry.getKey()));
                continue;
            }
            try {
                send(team.get(), entry.getValue());
                teamsMailed++;
                items += entry.getValue().size();
                LOG.info("Digest: mailed {} parked item(s) to {} <{}>", entry.getValue().size(), team.get().code(),
                        team.get().mailbox());
            } catch (MailException | MessagingException e) {
                LOG.error("Digest: could not mail {} <{}>: {}", team.get().code(), team.get().mailbox(), e.toString());
                failed.add(team.get().code());
            }
        }
        return new DigestResult(teamsMailed, items, failed);
    }

    private void send(OwnerTeam team, List<ParkedItem> items) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(digest.from());
        helper.setTo(team.mailbox());
        helper.setSubject(subject(team, items.size()));
        helper.setText(body(team, items));
        mail.send(message);
    }

    static String subject(OwnerTeam team, int count) {
        return "carehub: " + count + (count == 1 ? " parked item needs " : " parked items need ") + team.name();
    }

    String body(OwnerTeam team, List<ParkedItem> items) {
        StringBuilder text = new StringBuilder()
                .append(items.size()).append(items.size() == 1 ? " item is" : " items are")
                .append(" parked in carehub waiting for ").append(team.name())
                .append(". Each one says what is wrong and how to fix it; once it is fixed, a retry from the hub's ")
                .append("failure desk sends it on.\n");
        int n = 1;
        for (ParkedItem item : items) {
            text.append('\n').append(n++).append(". ").append(item.reasonTitle()).append(" (").append(item.reasonCode())
                    .append(")\n");
            line(text, "Client", item.clientId());
            line(text, "Care line", item.careLineId());
            line(text, "Provider", item.providerRef());
            line(text, "Waiting", backlog.daysWaiting(item) + " day(s)" + (item.firstFailedAt() == null ? ""
                    : ", since " + WHEN.format(item.firstFailedAt().atZone(backlogProperties.zone()))));
            line(text, "What is wrong", item.explanation());
            line(text, "Fix", item.fix());
            line(text, "Journey", item.journeyId());
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append("   ").append(label).append(": ").append(value).append('\n');
        }
    }
}
