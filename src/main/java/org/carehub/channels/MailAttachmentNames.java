package org.carehub.channels;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;

/**
 * Turns an attachment's name as the sender's mail program wrote it into one safe to show and to use in a file
 * name: encoded words decoded, any folder part dropped ({@code ../../etc/passwd.xml} becomes {@code passwd.xml}),
 * control characters and {@code / \ : * ? " < > |} replaced by {@code _}, leading dots removed, at most
 * {@value #MAX_LENGTH} characters keeping the extension. Unlike SFTP (which refuses odd names before anything is
 * written) a mail has already arrived, so its attachments are renamed rather than refused.
 */
public final class MailAttachmentNames {

    static final int MAX_LENGTH = 100;
    private static final String FORBIDDEN = "/\\:*?\"<>|";

    private MailAttachmentNames() {
    }

    /** @param fallback the name used when nothing of the sender's name is left, e.g. {@code attachment-2} */
    public static String sanitise(String raw, String fallback) {
        String name = decode(raw == null ? "" : raw);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> safe.appendCodePoint(
                Character.isISOControl(c) || FORBIDDEN.indexOf(c) >= 0 ? '_' : c));
        String cleaned = safe.toString().strip().replaceFirst("^\\.+", "").replaceFirst("[. ]+$", "");
        if (cleaned.isEmpty()) {
            return fallback;
        }
        if (cleaned.length() > MAX_LENGTH) {
            int dot = cleaned.lastIndexOf('.');
            String extension = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
            cleaned = cleaned.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return cleaned;
    }

    /** An unknown charset in an encoded word leaves the name as written: still sanitised, never an error. */
    private static String decode(String raw) {
        try {
            return MimeUtility.decodeText(raw);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return raw;
        }
    }
}
