package org.carehub.invoices;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.carehub.channels.SftpFileNames;
import org.carehub.channels.SftpFolders;
import org.springframework.stereotype.Component;

/**
 * Puts a result file (an invoice's answer, later a remittance) into a provider's SFTP {@code outbox/}. Written
 * under a hidden temporary name and renamed in one step, so a provider's client never reads half a file.
 */
@Component
public class ProviderOutbox {

    private final SftpFolders folders;

    public ProviderOutbox(SftpFolders folders) {
        this.folders = folders;
    }

    /**
     * @param fileName a name {@link SftpFileNames} accepts, not a temporary one; an existing file is never replaced,
     *                 as the provider may not have fetched it yet
     * @return the file written
     */
    public Path write(String providerRef, String fileName, byte[] content) throws IOException {
        SftpFileNames.problem(fileName).ifPresent(problem -> {
            throw new IllegalArgumentException("Outbox file '" + fileName + "': " + problem);
        });
        if (SftpFileNames.isTemporary(fileName)) {
            throw new IllegalArgumentException("Outbox file '" + fileName + "' has a temporary ending; clients would skip it");
        }
        Path outbox = folders.outbox(providerRef);
        Path target = outbox.resolve(fileName);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "the provider's outbox already has a file of that name");
        }
        Path temporary = Files.createTempFile(outbox, ".", ".tmp");
        try {
            Files.write(temporary, content);
            return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
