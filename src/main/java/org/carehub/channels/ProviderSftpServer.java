package org.carehub.channels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.carehub.reference.ReferenceData;
import org.carehub.reference.SftpAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The hub's SFTP server for providers (Apache MINA SSHD): one account per provider from
 * provider-sftp-accounts.csv, looked up at each sign-in so a mappings reload applies at once; each account sees
 * only its own home with {@code inbox/} and {@code outbox/}. SFTP only: no shell, commands or port forwarding.
 */
@Component
@ConditionalOnProperty(name = "carehub.sftp.enabled", havingValue = "true")
public class ProviderSftpServer implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSftpServer.class);

    private final SftpProperties properties;
    private final SftpFolders folders;
    private final ReferenceData reference;
    private final SftpInbox inbox;
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private SshServer server;

    public ProviderSftpServer(SftpProperties properties, SftpFolders folders, ReferenceData reference, SftpInbox inbox) {
        this.properties = properties;
        this.folders = folders;
        this.reference = reference;
        this.inbox = inbox;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost(properties.host());
        server.setPort(properties.port());
        // Kept under the data folder: a new key at every start would make providers' clients refuse the hub.
        // Made (or read) now, not at the first sign-in, so two first clients cannot race to write different keys.
        Files.createDirectories(folders.hostKey().getParent());
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(folders.hostKey());
        hostKey.setAlgorithm(KeyUtils.EC_ALGORITHM);
        hostKey.setKeySize(256);
        hostKey.loadKeys(null);
        server.setKeyPairProvider(hostKey);
        server.setPasswordAuthenticator((username, password, session) -> account(username)
                .filter(account -> account.passwordHash() != null)
                .map(account -> passwords.matches(password, account.passwordHash()))
                .orElse(false));
        server.setPublickeyAuthenticator((username, key, session) -> account(username)
                .map(account -> account.authorizedKeys().stream().anyMatch(authorized -> KeyUtils.compareKeys(authorized, key)))
                .orElse(false));
        server.setKeyboardInteractiveAuthenticator(null);
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.setFileSystemFactory(new ProviderHomes());
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(inbox);
        server.setSubsystemFactories(List.of(sftp));
        server.start();
        LOG.info("Provider SFTP server on {}:{} ({} accounts, homes under {})", properties.host(), server.getPort(),
                reference.sftpAccounts().size(), folders.hostKey().getParent());
    }

    /** The port it listens on (the one taken when configured as 0). */
    public int port() {
        return server.getPort();
    }

    @Override
    public void destroy() throws IOException {
        server.stop(true);
    }

    private Optional<SftpAccount> account(String username) {
        return reference.sftpAccount(username);
    }

    /** Each session is rooted in its provider's home: paths such as ../PRV-002 or /etc resolve inside it. */
    private final class ProviderHomes extends VirtualFileSystemFactory {

        @Override
        public Path getUserHomeDir(SessionContext session) throws IOException {
            SftpAccount account = account(session.getUsername())
                    .orElseThrow(() -> new IOException("the account " + session.getUsername() + " is no longer in the mappings"));
            return folders.home(account.providerRef());
        }
    }
}
