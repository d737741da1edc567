package org.carehub.channels;

import jakarta.jms.BytesMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Takes a complete upload out of a provider's inbox: moves it in one step to
 * {@code received/sftp/<providerRef>/<timestamp>-<name>} (the original, kept) and hands its bytes to the invoice
 * flow on {@value #QUEUE}, where they wait until the flow reads them.
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

    private static final Logger LOG = LoggerFactory.getLogger(SftpReceipts.class);
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
     * @throws IOException when it could not be kept or handed on; the client sees its upload fail and may send it again
     */
    public void take(String providerRef, Path inboxFile, String name) throws IOException {
        Instant receivedAt = Instant.now();
        Path kept = keep(providerRef, inboxFile, name, receivedAt);
        byte[] content = Files.readAllBytes(kept);
        try {
            jms.send(QUEUE, session -> {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(content);
                message.setStringProperty(PROVIDER_REF, providerRef);
                message.setStringProperty(CHANNEL, "sftp");
                message.setStringProperty(FILE_NAME, name);
                message.setStringProperty(RECEIVED_AT, receivedAt.toString());
                message.setStringProperty(ORIGINAL_FILE, kept.toString());
                return message;
            });
        } catch (JmsException e) {
            LOG.error("SFTP upload {} of provider {} is kept at {} but could not be handed to {}; the provider is told it failed",
                    name, providerRef, kept, QUEUE, e);
            throw new IOException("The hub could not accept the file just now; please send it again later", e);
        }
        LOG.info("SFTP upload {} of provider {} taken ({} bytes, kept at {})", name, providerRef, content.length, kept);
    }

    /** Moves the file out of the inbox under a name no earlier upload has. */
    private synchronized Path keep(String providerRef, Path inboxFile, String name, Instant receivedAt) throws IOException {
        Path folder = folders.received(providerRef);
        Path kept = folder.resolve(STAMP.format(receivedAt) + "-" + name);
        for (int n = 2; Files.exists(kept); n++) {
            kept = folder.resolve(STAMP.format(receivedAt) + "-" + n + "-" + name);
        }
        return Files.move(inboxFile, kept, StandardCopyOption.ATOMIC_MOVE);
    }
}
