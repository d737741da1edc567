package org.carehub.channels;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which file names the SFTP channel accepts (docs/provider-channels.md). A name is refused when the file is
 * opened, so no file with an odd name is ever written: empty, longer than {@value #MAX_LENGTH} characters,
 * starting with a dot (hidden files, {@code .} and {@code ..}), ending with a dot or space (Windows drops them),
 * or holding a control character or one of {@code / \ : * ? " < > |} (not portable, or a path in disguise).
 * Names ending {@code .part}, {@code .tmp} or {@code .filepart} (WinSCP) are uploads in progress: never taken
 * until renamed to a name without that ending.
 */
public final class SftpFileNames {

    static final int MAX_LENGTH = 100;
    private static final List<String> TEMPORARY_ENDINGS = List.of(".part", ".tmp", ".filepart");
    private static final String FORBIDDEN = "/\\:*?\"<>|";

    private SftpFileNames() {
    }

    /** Whether the name marks an upload still in progress. */
    public static boolean isTemporary(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return TEMPORARY_ENDINGS.stream().anyMatch(lower::endsWith);
    }

    /** Why the name is refused, or empty when it is fine. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("the file name is empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("the file name is longer than " + MAX_LENGTH + " characters");
        }
        if (name.startsWith(".")) {
            return Optional.of("the file name starts with a dot");
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            return Optional.of("the file name ends with a dot or a space");
        }
        boolean odd = name.chars().anyMatch(c -> Character.isISOControl(c) || FORBIDDEN.indexOf(c) >= 0);
        return odd ? Optional.of("the file name holds a control character or one of " + FORBIDDEN) : Optional.empty();
    }
}
