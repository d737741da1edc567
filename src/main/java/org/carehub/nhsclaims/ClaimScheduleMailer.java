package org.carehub.nhsclaims;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Writes a body's claim schedule (CSV and summary) to the output folder and mails it to the body's claims mailbox. */
@Component
public class ClaimScheduleMailer {

    private final JavaMailSender mail;
    private final NhsClaimsProperties properties;

    public ClaimScheduleMailer(JavaMailSender mail, NhsClaimsProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    /** The folder the schedule was written to. */
    public Path write(ClaimSchedule schedule) {
        Path folder = properties.outputDir().resolve(schedule.period());
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(schedule.fileName("csv")), schedule.csv(), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(schedule.fileName("txt")), schedule.summary(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the NHS claim schedule to " + folder, e);
        }
        return folder;
    }

    public void mail(ClaimSchedule schedule) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(schedule.body().claimsMailbox());
        helper.setSubject("NHS claim schedule " + schedule.period() + " for " + schedule.body().name());
        helper.setText(schedule.summary());
        // As bytes, so the ICB's software gets the file exactly as written.
        helper.addAttachment(schedule.fileName("csv"),
                new ByteArrayDataSource(schedule.csv().getBytes(StandardCharsets.UTF_8), "text/csv"));
        mail.send(message);
    }
}
