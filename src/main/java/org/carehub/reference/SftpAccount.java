package org.carehub.reference;

import java.security.PublicKey;
import java.util.List;

/**
 * A provider's account on the hub's SFTP server: it signs in with the password (kept only as a hash) or one of
 * its public keys, and sees only its own folder.
 *
 * @param passwordHash the password in Spring's {@code {bcrypt}...} form, or null when the account signs in by key only
 * @param authorizedKeys the public keys that may sign in, parsed from their OpenSSH lines
 */
public record SftpAccount(String providerRef, String username, String passwordHash, List<PublicKey> authorizedKeys) {
}
