package org.carehub.channels;

import jakarta.jms.BytesMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes a complete upload out of a provider's inbox: moves it in one step to
 * {@code received/sftp/<providerRef>/<timestamp>-<name>} (the original, kept) and hands its bytes to the invoice
 * flow on {@value #QUEUE}, where they wait until the flow reads them. An original the broker could not take is
 * marked {@value #UNSENT} and handed on again later, so an accepted upload is never lost.
 */
@Component
public class SftpReceipts {

    public static final String QUEUE = "carehub.invoices.received";
    public static final String PROVIDER_REF = "carehubProviderRef";
    public static final String CHANNEL = "carehubChannel";
    public static final String FILE_NAME = "carehubFileName";
    public static final String RECEIVED_AT = "carehubReceivedAt";
    /** Where the original is kept, so the invoice flow can point people at it. */
    public static final String ORIGINAL_FILE = "carehubOriginalFile";
    static final String UNSENT = ".unsent";

    private static final Logger LOG = LoggerFactory.getLogger(SftpReceipts.class);
    /** No '-' in it: a kept file's name is the stamp, '-', then the uploaded name. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final SftpFolders folders;
    private final JmsTemplate jms;

    public SftpReceipts(SftpFolders folders, JmsTemplate jms) {
        this.folders = folders;
        this.jms = jms;
    }

    /**
     * Takes the file, once: whoever moves it out of the inbox first hands it on.
     *
     * @param name the file's name in the inbox, already checked by {@link SftpFileNames}
     * @return the kept original
     */
    public Path take(String providerRef, Path inboxFile, String name) throws IOException {
        Instant receivedAt = Instant.now();
        Path kept = keep(providerRef, inboxFile, name, receivedAt);
        try {
            handOn(providerRef, kept, name, receivedAt, kept);
        } catch (JmsException e) {
            Path unsent = Files.move(kept, kept.resolveSibling(kept.getFileName() + UNSENT), StandardCopyOption.ATOMIC_MOVE);
            LOG.error("SFTP upload {} of provider {} is kept at {} but could not be handed to {}; it is handed on again later",
                    name, providerRef, unsent, QUEUE, e);
            return unsent;
        }
        LOG.info("SFTP upload {} of provider {} taken (kept at {})", name, providerRef, kept);
        return kept;
    }

    /** Hands on the originals the broker could not take when they arrived, oldest first; stops at the first refusal. */
    @Scheduled(initialDelayString = "${carehub.sftp.resend-delay-ms:60000}", fixedDelayString = "${carehub.sftp.resend-delay-ms:60000}")
    public void resendUnsent() throws IOException {
        if (!Files.isDirectory(folders.received())) {
            return;
        }
        List<Path> unsent;
        try (Stream<Path> files = Files.find(folders.received(), 2,
                (path, attributes) -> attributes.isRegularFile() && path.getFileName().toString().endsWith(UNSENT))) {
            unsent = files.sorted((a, b) -> a.getFileName().compareTo(b.getFileName())).toList();
        }
        for (Path file : unsent) {
            String keptName = file.getFileName().toString();
            keptName = keptName.substring(0, keptName.length() - UNSENT.length());
            int dash = keptName.indexOf('-');
            Instant receivedAt = Instant.from(STAMP.parse(keptName.substring(0, dash).replaceFirst("_\\d+$", "")));
            Path kept = file.resolveSibling(keptName);
            try {
                handOn(file.getParent().getFileName().toString(), file, keptName.substring(dash + 1), receivedAt, kept);
            } catch (JmsException e) {
                LOG.warn("{} still cannot be handed to {}: {}", file, QUEUE, e.getMessage());
                return;
            }
            Files.move(file, kept, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("SFTP upload {} handed on late to {}", kept, QUEUE);
        }
    }

    /** Sends the bytes of {@code file}, naming {@code original} as where the original is kept. */
    private void handOn(String providerRef, Path file, String name, Instant receivedAt, Path original) throws IOException {
        byte[] content = Files.readAllBytes(file);
        jms.send(QUEUE, session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(content);
            message.setStringProperty(PROVIDER_REF, providerRef);
            message.setStringProperty(CHANNEL, "sftp");
            message.setStringProperty(FILE_NAME, name);
            message.setStringProperty(RECEIVED_AT, receivedAt.toString());
            message.setStringProperty(ORIGINAL_FILE, original.toString());
            return message;
        });
    }

    /** Moves the file out of the inbox under a name no earlier upload has. */
    private synchronized Path keep(String providerRef, Path inboxFile, String name, Instant receivedAt) throws IOException {
        Path folder = folders.received(providerRef);
        String stamp = STAMP.format(receivedAt);
        Path kept = folder.resolve(stamp + "-" + name);
        for (int n = 2; Files.exists(kept) || Files.exists(kept.resolveSibling(kept.getFileName() + UNSENT)); n++) {
            kept = folder.resolve(stamp + "_" + n + "-" + name);
        }
        return Files.move(inboxFile, kept, StandardCopyOption.ATOMIC_MOVE);
    }
}
