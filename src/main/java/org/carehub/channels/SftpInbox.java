package org.carehub.channels;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.file.root.RootedFileSystem;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a provider may do in its SFTP home, and when an upload is complete (docs/provider-channels.md).
 * Files are written only directly in {@code inbox/}, with an accepted name ({@link SftpFileNames}); no folders,
 * links or renames elsewhere. An upload is complete when the client closes the file under a final name, or
 * renames a temporary name to a final one; it is then taken at once ({@link SftpReceipts}). A file left open
 * when the session drops, or one growing past {@code carehub.sftp.max-file-size}, is removed, never taken.
 */
@Component
public class SftpInbox implements SftpEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(SftpInbox.class);
    private static final AttributeKey<Boolean> REFUSED = new AttributeKey<>();

    private final SftpReceipts receipts;
    private final long maxFileSize;

    public SftpInbox(SftpReceipts receipts, SftpProperties properties) {
        this.receipts = receipts;
        this.maxFileSize = properties.maxFileSize().toBytes();
    }

    @Override
    public void opening(ServerSession session, String remoteHandle, Handle handle) throws IOException {
        if (isWrite(handle)) {
            inboxFile(handle.getFile());
        }
    }

    @Override
    public void writing(ServerSession session, String remoteHandle, FileHandle handle, long offset, byte[] data, int dataOffset,
                        int dataLen) throws IOException {
        // An appending client's offset says nothing; its data goes to the end of the file.
        long end = (handle.isOpenAppend() ? handle.getFileChannel().size() : offset) + dataLen;
        if (end <= maxFileSize) {
            return;
        }
        InboxFile file = inboxFile(handle.getFile());
        if (handle.setAttribute(REFUSED, true) == null) {
            Files.deleteIfExists(file.real());
            LOG.warn("SFTP upload refused: {} of provider {} grew past the {} byte limit (carehub.sftp.max-file-size);"
                    + " the partial file was removed", file.name(), file.providerRef(), maxFileSize);
        }
        throw new IOException("The file is larger than the " + maxFileSize + " byte limit; it was removed. Send it in smaller parts"
                + " or ask the council to raise the limit");
    }

    @Override
    public void closed(ServerSession session, String remoteHandle, Handle handle, Throwable thrown) throws IOException {
        if (thrown == null && isWrite(handle) && handle.getAttribute(REFUSED) == null) {
            InboxFile file = inboxFile(handle.getFile());
            if (!SftpFileNames.isTemporary(file.name()) && Files.isRegularFile(file.real())) {
                receipts.take(file.providerRef(), file.real(), file.name());
            }
        }
    }

    /** The session ended with the file still open: the upload was cut off, so what arrived is not an invoice. */
    @Override
    public void exiting(ServerSession session, Handle handle) throws IOException {
        if (isWrite(handle)) {
            InboxFile file = inboxFile(handle.getFile());
            if (Files.deleteIfExists(file.real())) {
                LOG.warn("SFTP upload cut off: {} of provider {} was still open when the session ended; the partial file was removed",
                        file.name(), file.providerRef());
            }
        }
    }

    @Override
    public void moving(ServerSession session, Path source, Path target, Collection<CopyOption> options) throws IOException {
        inboxFile(source);
        inboxFile(target);
    }

    @Override
    public void moved(ServerSession session, Path source, Path target, Collection<CopyOption> options, Throwable thrown)
            throws IOException {
        InboxFile file = inboxFile(target);
        if (thrown == null && !SftpFileNames.isTemporary(file.name()) && Files.isRegularFile(file.real())) {
            receipts.take(file.providerRef(), file.real(), file.name());
        }
    }

    @Override
    public void creating(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
        throw new AccessDeniedException(path.toString(), null, "folders cannot be made here; upload files into inbox/");
    }

    @Override
    public void linking(ServerSession session, Path source, Path target, boolean symLink) throws IOException {
        throw new AccessDeniedException(source.toString(), null, "links cannot be made here");
    }

    /** Files in inbox/ and outbox/ may be removed (a reply once read, an abandoned temporary upload); folders not. */
    @Override
    public void removing(ServerSession session, Path path, boolean isDirectory) throws IOException {
        if (isDirectory || area(path).isEmpty()) {
            throw new AccessDeniedException(path.toString(), null, "only files in inbox/ or outbox/ can be removed");
        }
    }

    /** Clients set a file's times after upload; nothing else, so the folders stay as the hub made them. */
    @Override
    public void modifyingAttributes(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
        if (area(path).isEmpty()) {
            throw new AccessDeniedException(path.toString(), null, "only files in inbox/ or outbox/ can be changed");
        }
    }

    private static boolean isWrite(Handle handle) {
        return handle instanceof FileHandle file
                && (file.getOpenOptions().contains(StandardOpenOption.WRITE) || file.getOpenOptions().contains(StandardOpenOption.APPEND));
    }

    /** A file directly in inbox/ or outbox/ of the provider's home: that folder's name. */
    private static Optional<String> area(Path path) {
        Path inHome = path.toAbsolutePath().normalize();
        if (inHome.getNameCount() != 2) {
            return Optional.empty();
        }
        String area = inHome.getName(0).toString();
        return area.equals(SftpFolders.INBOX) || area.equals(SftpFolders.OUTBOX) ? Optional.of(area) : Optional.empty();
    }

    /** The file as an upload: directly in inbox/ with an accepted name, or refused with the reason. */
    private static InboxFile inboxFile(Path path) throws AccessDeniedException {
        if (area(path).filter(SftpFolders.INBOX::equals).isEmpty() || !(path.getFileSystem() instanceof RootedFileSystem home)) {
            throw new AccessDeniedException(path.toString(), null, "files can only be uploaded into inbox/");
        }
        String name = path.getFileName().toString();
        Optional<String> problem = SftpFileNames.problem(name);
        if (problem.isPresent()) {
            throw new AccessDeniedException(path.toString(), null, problem.get() + " (docs/provider-channels.md)");
        }
        Path real = home.getRoot().resolve(SftpFolders.INBOX).resolve(name);
        return new InboxFile(home.getRoot().getFileName().toString(), real, name);
    }

    private record InboxFile(String providerRef, Path real, String name) {
    }
}
