package org.carehub.channels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.carehub.reference.SftpAccount;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the SFTP channel keeps its files under {@code carehub.data-dir}: {@code sftp/hostkey}, each provider's
 * home {@code sftp/<providerRef>/} with {@code inbox/} and {@code outbox/}, and the originals it took,
 * {@code received/sftp/<providerRef>/}.
 */
@Component
public class SftpFolders {

    public static final String INBOX = "inbox";
    public static final String OUTBOX = "outbox";

    private final Path root;
    private final Path received;

    public SftpFolders(@Value("${carehub.data-dir}") Path dataDir) {
        this.root = dataDir.resolve("sftp").toAbsolutePath().normalize();
        this.received = dataDir.resolve("received").resolve("sftp").toAbsolutePath().normalize();
    }

    /** The server's key pair, kept so providers' clients recognise the hub after a restart. */
    public Path hostKey() {
        return root.resolve("hostkey");
    }

    /** The provider's home with its inbox and outbox, created if missing. */
    public Path home(String providerRef) throws IOException {
        Path home = root.resolve(folderName(providerRef));
        Files.createDirectories(home.resolve(INBOX));
        Files.createDirectories(home.resolve(OUTBOX));
        return home;
    }

    public Path outbox(String providerRef) throws IOException {
        return home(providerRef).resolve(OUTBOX);
    }

    /** The folder holding every provider's kept originals. */
    public Path received() {
        return received;
    }

    /** Where the originals taken from the provider's inbox are kept, created if missing. */
    public Path received(String providerRef) throws IOException {
        return Files.createDirectories(received.resolve(folderName(providerRef)));
    }

    private static String folderName(String providerRef) {
        if (providerRef == null || !SftpAccount.FOLDER_NAME.matcher(providerRef).matches()) {
            throw new IllegalArgumentException("'" + providerRef + "' cannot name a provider's SFTP folder");
        }
        return providerRef;
    }
}
