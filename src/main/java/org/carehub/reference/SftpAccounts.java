package org.carehub.reference;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Reads provider-sftp-accounts.csv: one SFTP account per listed provider, a username of its own, and a way
 * to sign in (a bcrypt password hash, OpenSSH public keys separated by ';', or both).
 */
final class SftpAccounts {

    static final String FILE = "provider-sftp-accounts.csv";

    /** Lower-case, as OpenSSH clients send it; no characters a shell or a path would read specially. */
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");
    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private SftpAccounts() {
    }

    static List<SftpAccount> read(CsvMappingReader csv, ProviderDirectory providers) {
        boolean providersRead = csv.wasRead(ProviderDirectory.PROVIDERS_FILE);
        UniqueKeys refs = new UniqueKeys("provider_ref");
        UniqueKeys usernames = new UniqueKeys("username");
        List<SftpAccount> accounts = new ArrayList<>();
        for (MappingRow row : csv.read(FILE, List.of("provider_ref", "username", "password", "authorized_keys"))) {
            String ref = row.required("provider_ref");
            if (ref != null && !SftpAccount.FOLDER_NAME.matcher(ref).matches()) {
                row.problem("provider_ref", "'" + ref + "' cannot name the account's folder; use letters, digits, '-' and '_'");
            } else if (ref != null && providersRead && !providers.knows(ref)) {
                row.problem("provider_ref", "unknown provider '" + ref + "'; it is not in " + ProviderDirectory.PROVIDERS_FILE);
            }
            String username = row.required("username");
            if (username != null && !USERNAME.matcher(username).matches()) {
                row.problem("username", "'" + username + "' is not a username; use 2 to 32 lower-case letters, digits, '.', '-'"
                        + " or '_', starting with a letter");
            }
            String password = row.optional("password");
            if (password != null && !BCRYPT.matcher(password).matches()) {
                row.problem("password", "is not a {bcrypt} hash; never put a password itself here (README, \"Providers: SFTP\")");
            }
            List<PublicKey> keys = keys(row);
            if (password == null && row.optional("authorized_keys") == null) {
                row.problem("password", "the account has no password and no authorized key, so nobody could sign in");
            }
            if (row.isValid()) {
                // Both checked, so a row repeating both is reported on both columns.
                boolean newRef = refs.add(ref, row, "provider_ref");
                boolean newUsername = usernames.add(username, row, "username");
                if (newRef && newUsername) {
                    accounts.add(new SftpAccount(ref, username, password, keys));
                }
            }
        }
        return List.copyOf(accounts);
    }

    private static List<PublicKey> keys(MappingRow row) {
        List<PublicKey> keys = new ArrayList<>();
        for (String line : row.list("authorized_keys")) {
            key(line).ifPresentOrElse(keys::add, () -> row.problem("authorized_keys", "'" + abbreviated(line)
                    + "' is not an OpenSSH public key (ssh-ed25519, ecdsa-sha2-nistp256/384/521 or ssh-rsa, as in a .pub file)"));
        }
        return keys;
    }

    private static Optional<PublicKey> key(String line) {
        try {
            return Optional.ofNullable(PublicKeyEntry.parsePublicKeyEntry(line).resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING));
        } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static String abbreviated(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "...";
    }
}
