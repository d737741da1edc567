package org.carehub.reference;

import java.security.PublicKey;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A provider's account on the hub's SFTP server: it signs in with the password (kept only as a hash) or one of
 * its public keys, and sees only its own folder.
 *
 * @param passwordHash the password in Spring's {@code {bcrypt}...} form, or null when the account signs in by key only
 * @param authorizedKeys the public keys that may sign in, parsed from their OpenSSH lines
 */
public record SftpAccount(String providerRef, String username, String passwordHash, List<PublicKey> authorizedKeys) {

    /** The account's folder is named after the provider: no separators or dots that could point elsewhere. */
    public static final Pattern FOLDER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
}
