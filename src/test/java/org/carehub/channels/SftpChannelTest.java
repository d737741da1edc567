package org.carehub.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpException;
import org.carehub.invoices.ProviderOutbox;
import org.carehub.reference.ReferenceDataHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The providers' SFTP channel on its own (server, inbox rules, hand-off, outbox) with an embedded broker, driven by
 * the real OpenSSH {@code sftp} client (ed25519 key) and a MINA client (password). Meadowbank (PRV-002) signs in by
 * key, Brightwater (PRV-001) by password.
 */
@SpringBootTest(classes = SftpChannelTest.Channel.class, properties = {
        "spring.artemis.mode=embedded",
        "spring.artemis.embedded.persistent=false",
        "spring.artemis.embedded.queues=" + SftpReceipts.QUEUE,
        "spring.jms.template.receive-timeout=30s",
        "carehub.sftp.enabled=true",
        "carehub.sftp.port=0",
        "carehub.sftp.max-file-size=64KB"})
class SftpChannelTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path TEMP = newTempDir();
    private static final Path KEYS = TEMP.resolve("keys");
    private static final Path LOCAL = TEMP.resolve("local");
    private static final Path DATA = TEMP.resolve("data");
    private static final Path MAPPINGS = TEMP.resolve("mappings");

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ArtemisAutoConfiguration.class, JmsAutoConfiguration.class})
    @EnableConfigurationProperties(SftpProperties.class)
    @Import({ReferenceDataHolder.class, SftpFolders.class, SftpReceipts.class, SftpInbox.class, ProviderSftpServer.class,
            ProviderOutbox.class})
    static class Channel {
    }

    /** The shipped mappings, but Meadowbank signs in with a key made for this run and has no password. */
    @DynamicPropertySource
    static void dataAndMappings(DynamicPropertyRegistry registry) throws IOException, InterruptedException {
        Path mappings = MAPPINGS;
        Files.createDirectories(mappings);
        Files.createDirectories(KEYS);
        Files.createDirectories(LOCAL);
        try (Stream<Path> files = Files.list(Path.of("mappings"))) {
            for (Path file : files.toList()) {
                Files.copy(file, mappings.resolve(file.getFileName()));
            }
        }
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "meadowbank", "-f", KEYS.resolve("meadowbank").toString()));
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "stranger", "-f", KEYS.resolve("stranger").toString()));
        String key = Files.readString(KEYS.resolve("meadowbank.pub")).trim();
        Path accounts = mappings.resolve("provider-sftp-accounts.csv");
        Files.writeString(accounts, Files.readString(accounts).replaceAll("(?m)^PRV-002,meadowbank,.*$", "PRV-002,meadowbank,,\"" + key + "\""));
        registry.add("carehub.data-dir", DATA::toString);
        registry.add("carehub.mappings-dir", mappings::toString);
    }

    @Autowired
    private ProviderSftpServer server;
    @Autowired
    private JmsTemplate jms;
    @Autowired
    private ProviderOutbox outbox;
    @Autowired
    private SftpProperties properties;
    @Autowired
    private SftpFolders folders;
    @Autowired
    private ReferenceDataHolder reference;
    @Autowired
    private SftpInbox inbox;
    @Autowired
    private SftpReceipts receipts;

    private static SshClient client;

    @BeforeAll
    static void startClient() {
        client = SshClient.setUpDefaultClient();
        client.start();
    }

    @AfterAll
    static void stopClient() throws IOException {
        client.stop();
    }

    @Test
    void anUploadWithOpenSshAndAKeyArrivesOnTheQueueWithItsHeadersAndExactBytes() throws Exception {
        byte[] invoice = "<Invoice>INV-2026-0417 \u00a3 1,234.50</Invoice>\n".getBytes(StandardCharsets.UTF_8);
        Files.write(LOCAL.resolve("INV-2026-0417.xml"), invoice);
        Instant before = Instant.now();

        Sftp upload = sftp("meadowbank", "cd inbox", "put INV-2026-0417.xml");

        assertThat(upload.rc()).as(upload.output()).isZero();
        BytesMessage message = (BytesMessage) jms.receive(SftpReceipts.QUEUE);
        assertThat(message).isNotNull();
        assertThat(body(message)).isEqualTo(invoice);
        assertThat(message.getStringProperty(SftpReceipts.PROVIDER_REF)).isEqualTo("PRV-002");
        assertThat(message.getStringProperty(SftpReceipts.CHANNEL)).isEqualTo("sftp");
        assertThat(message.getStringProperty(SftpReceipts.FILE_NAME)).isEqualTo("INV-2026-0417.xml");
        assertThat(Instant.parse(message.getStringProperty(SftpReceipts.RECEIVED_AT))).isBetween(before, Instant.now());
        Path kept = Path.of(message.getStringProperty(SftpReceipts.ORIGINAL_FILE));
        assertThat(kept.getParent()).isEqualTo(DATA.resolve("received/sftp/PRV-002").toAbsolutePath().normalize());
        assertThat(kept.getFileName().toString()).endsWith("-INV-2026-0417.xml");
        assertThat(kept).hasBinaryContent(invoice);
        assertThat(home("PRV-002").resolve("inbox")).isEmptyDirectory();
    }

    @Test
    void anUploadUnderATemporaryNameIsTakenOnlyWhenRenamedAndOnlyOnce() throws Exception {
        byte[] invoice = randomBytes(40_000);
        try (ClientSession session = signIn("brightwater", "brightwater-pass"); SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            try (OutputStream out = sftp.write("inbox/march.csv.part")) {
                out.write(invoice, 0, 20_000);
            }
            assertThat(queued()).as("half a file under its temporary name is not taken").isZero();
            try (OutputStream out = sftp.write("inbox/march.csv.part", SftpClient.OpenMode.Write, SftpClient.OpenMode.Append)) {
                out.write(invoice, 20_000, 20_000);
            }
            assertThat(queued()).isZero();
            assertThat(receivedFiles("PRV-001")).isEmpty();

            sftp.rename("inbox/march.csv.part", "inbox/march.csv");
        }

        BytesMessage message = (BytesMessage) jms.receive(SftpReceipts.QUEUE);
        assertThat(body(message)).isEqualTo(invoice);
        assertThat(message.getStringProperty(SftpReceipts.PROVIDER_REF)).isEqualTo("PRV-001");
        assertThat(message.getStringProperty(SftpReceipts.FILE_NAME)).isEqualTo("march.csv");
        assertThat(queued()).as("taken once").isZero();
        assertThat(receivedFiles("PRV-001")).hasSize(1);
    }

    @Test
    void aProviderCannotLeaveItsHomeNorWriteOutsideItsInbox() throws Exception {
        Files.writeString(LOCAL.resolve("x.xml"), "<x/>");
        String escape = "carehub-sftp-escape-" + System.nanoTime() + ".xml";

        Sftp listing = sftp("meadowbank", "ls -1 /", "ls -1 ..", "ls -1 /../..");
        assertThat(listing.rc()).as(listing.output()).isZero();
        assertThat(listing.output().lines().filter(line -> !line.startsWith("sftp>")).toList())
                .containsOnly("/inbox", "/outbox", "../inbox", "../outbox", "/../../inbox", "/../../outbox");

        assertThat(sftp("meadowbank", "cd ../PRV-001").rc()).isNotZero();
        assertThat(sftp("meadowbank", "ls /PRV-001").rc()).isNotZero();
        assertThat(sftp("meadowbank", "put x.xml /etc/" + escape).rc()).isNotZero();
        assertThat(sftp("meadowbank", "cd inbox", "put x.xml ../" + escape).rc()).isNotZero();
        assertThat(sftp("meadowbank", "cd inbox", "put x.xml ../../PRV-001/inbox/" + escape).rc()).isNotZero();
        assertThat(sftp("meadowbank", "put x.xml outbox/" + escape).rc()).isNotZero();
        assertThat(sftp("meadowbank", "mkdir inbox/sub").rc()).isNotZero();
        assertThat(sftp("meadowbank", "ln -s /etc/passwd inbox/passwd").rc()).isNotZero();
        assertThat(sftp("meadowbank", "rename inbox outbox/inbox").rc()).isNotZero();

        assertThat(Path.of("/etc", escape)).doesNotExist();
        try (Stream<Path> written = Files.walk(DATA)) {
            assertThat(written.filter(path -> path.getFileName().toString().equals(escape)
                    || path.getFileName().toString().equals("sub") || path.getFileName().toString().equals("passwd"))).isEmpty();
        }
        assertThat(home("PRV-002")).isDirectoryContaining(path -> path.getFileName().toString().equals("inbox"));
        assertThat(queued()).isZero();
    }

    @Test
    void oddNamesAreRefusedBeforeAnythingIsWritten() throws Exception {
        try (ClientSession session = signIn("brightwater", "brightwater-pass"); SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            for (String name : List.of(".hidden.xml", "bell\u0007.xml", "a".repeat(101) + ".xml", "con:1.xml", "trailing. ")) {
                assertThatThrownBy(() -> sftp.write("inbox/" + name).close()).as(name).isInstanceOf(SftpException.class);
            }
        }
        assertThat(home("PRV-001").resolve("inbox")).isEmptyDirectory();
        assertThat(queued()).isZero();
    }

    @Test
    void aWrongPasswordOrAnUnknownKeyIsRefused() throws Exception {
        assertThatThrownBy(() -> signIn("brightwater", "meadowbank-pass").close()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> signIn("meadowbank", "meadowbank-pass").close())
                .as("meadowbank signs in by key only").isInstanceOf(IOException.class);
        assertThatThrownBy(() -> signIn("nobody", "brightwater-pass").close()).isInstanceOf(IOException.class);

        assertThat(sftpWithKey("stranger", "meadowbank", "ls").rc()).isEqualTo(255);
        assertThat(sftpWithKey("meadowbank", "brightwater", "ls").rc()).as("a key works only for its own account").isEqualTo(255);
    }

    @Test
    void aResultFileWrittenToTheOutboxCanBeFetchedWholeAndIsNeverReplaced() throws Exception {
        byte[] result = "invoice INV-2026-0417: line 2 rejected, RATE_DIFFERS\n".getBytes(StandardCharsets.UTF_8);

        outbox.write("PRV-002", "INV-2026-0417-result.txt", result);
        Sftp fetch = sftp("meadowbank", "ls -1a outbox", "get outbox/INV-2026-0417-result.txt fetched-result.txt");

        assertThat(fetch.rc()).as(fetch.output()).isZero();
        assertThat(LOCAL.resolve("fetched-result.txt")).hasBinaryContent(result);
        assertThat(fetch.output()).doesNotContain(".tmp");
        assertThatThrownBy(() -> outbox.write("PRV-002", "INV-2026-0417-result.txt", "other".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(home("PRV-002").resolve("outbox/INV-2026-0417-result.txt")).hasBinaryContent(result);
        assertThatThrownBy(() -> outbox.write("PRV-002", "../escape.txt", result)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.write("../PRV-001", "escape.txt", result)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedAndNothingOfItIsTaken() throws Exception {
        Files.write(LOCAL.resolve("huge.xml"), randomBytes(200_000));

        Sftp upload = sftp("meadowbank", "put huge.xml inbox/huge.xml");

        assertThat(upload.rc()).as(upload.output()).isNotZero();
        assertThat(home("PRV-002").resolve("inbox/huge.xml")).doesNotExist();
        assertThat(receivedFiles("PRV-002")).noneMatch(path -> path.getFileName().toString().endsWith("huge.xml"));
        assertThat(queued()).isZero();
    }

    @Test
    void appendingPastTheSizeLimitIsRefusedLikeWritingPastIt() throws Exception {
        try (ClientSession session = signIn("brightwater", "brightwater-pass"); SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            try (OutputStream out = sftp.write("inbox/grows.xml.part")) {
                out.write(randomBytes(40_000));
            }
            assertThatThrownBy(() -> {
                try (OutputStream out = sftp.write("inbox/grows.xml.part", SftpClient.OpenMode.Write, SftpClient.OpenMode.Append)) {
                    out.write(randomBytes(40_000));
                }
            }).isInstanceOf(IOException.class);
        }
        assertThat(home("PRV-001").resolve("inbox/grows.xml.part")).doesNotExist();
        assertThat(queued()).isZero();
    }

    @Test
    void anUploadCutOffWithTheFileStillOpenIsRemovedAndNeverTaken() throws Exception {
        Path partial = home("PRV-001").resolve("inbox/cut-off.xml");
        ClientSession session = signIn("brightwater", "brightwater-pass");
        SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
        SftpClient.CloseableHandle handle = sftp.open("inbox/cut-off.xml", SftpClient.OpenMode.Write, SftpClient.OpenMode.Create);
        sftp.write(handle, 0, randomBytes(10_000));
        assertThat(partial).exists();

        session.close(true);

        await().atMost(WAIT).untilAsserted(() -> assertThat(partial).doesNotExist());
        assertThat(queued()).isZero();
        assertThat(receivedFiles("PRV-001")).noneMatch(path -> path.getFileName().toString().endsWith("cut-off.xml"));
    }

    @Test
    void anAccountChangedInTheMappingsSignsInTheNewWayAfterTheReload() throws Exception {
        Path accounts = MAPPINGS.resolve("provider-sftp-accounts.csv");
        String stranger = Files.readString(KEYS.resolve("stranger.pub")).trim();
        Files.writeString(accounts, Files.readString(accounts).replaceAll("(?m)^PRV-003,oakfield,.*$", "PRV-003,oakfield,,\"" + stranger + "\""));

        assertThat(reference.reloadIfChanged()).isTrue();

        Sftp keySignIn = sftpWithKey("stranger", "oakfield", "ls -1");
        assertThat(keySignIn.rc()).as(keySignIn.output()).isZero();
        assertThatThrownBy(() -> signIn("oakfield", "oakfield-pass").close()).as("its password was taken away").isInstanceOf(IOException.class);
        assertThat(home("PRV-003").resolve("inbox")).isDirectory();
    }

    @Test
    void anUploadTheBrokerCouldNotTakeIsKeptAndHandedOnLater() throws Exception {
        byte[] invoice = "<Invoice>late</Invoice>".getBytes(StandardCharsets.UTF_8);
        Path inboxFile = Files.write(folders.home("PRV-005").resolve("inbox/late.xml"), invoice);
        JmsTemplate brokerDown = new JmsTemplate(new ActiveMQConnectionFactory("tcp://127.0.0.1:1"));
        Instant before = Instant.now();

        Path unsent = new SftpReceipts(folders, brokerDown).take("PRV-005", inboxFile, "late.xml");

        assertThat(inboxFile).doesNotExist();
        assertThat(unsent.getFileName().toString()).endsWith("-late.xml" + SftpReceipts.UNSENT);
        assertThat(unsent).hasBinaryContent(invoice);
        assertThat(queued()).isZero();

        receipts.resendUnsent();

        Message message = jms.receive(SftpReceipts.QUEUE);
        assertThat(body(message)).isEqualTo(invoice);
        assertThat(message.getStringProperty(SftpReceipts.PROVIDER_REF)).isEqualTo("PRV-005");
        assertThat(message.getStringProperty(SftpReceipts.FILE_NAME)).isEqualTo("late.xml");
        assertThat(Instant.parse(message.getStringProperty(SftpReceipts.RECEIVED_AT)))
                .isBetween(before.truncatedTo(ChronoUnit.MILLIS), Instant.now());
        Path kept = Path.of(message.getStringProperty(SftpReceipts.ORIGINAL_FILE));
        assertThat(kept).isEqualTo(unsent.resolveSibling(unsent.getFileName().toString().replace(SftpReceipts.UNSENT, "")));
        assertThat(kept).hasBinaryContent(invoice);
        assertThat(unsent).doesNotExist();
        assertThat(queued()).isZero();
    }

    @Test
    void theHostKeyIsKeptAcrossARestart() throws Exception {
        PublicKey before = hostKey(server.port());
        server.destroy();
        try {
            ProviderSftpServer restarted = new ProviderSftpServer(properties, folders, reference, inbox);
            restarted.afterPropertiesSet();
            try {
                assertThat(hostKey(restarted.port())).isEqualTo(before);
            } finally {
                restarted.destroy();
            }
        } finally {
            server.afterPropertiesSet();
        }
        assertThat(folders.hostKey()).isRegularFile();
    }

    private PublicKey hostKey(int port) throws IOException {
        AtomicReference<PublicKey> seen = new AtomicReference<>();
        SshClient probe = SshClient.setUpDefaultClient();
        probe.setServerKeyVerifier((session, address, key) -> seen.compareAndSet(null, key));
        probe.start();
        try (ClientSession session = probe.connect("brightwater", "127.0.0.1", port).verify(WAIT).getSession()) {
            session.addPasswordIdentity("brightwater-pass");
            session.auth().verify(WAIT);
        } finally {
            probe.stop();
        }
        return seen.get();
    }

    private ClientSession signIn(String username, String password) throws IOException {
        ClientSession session = client.connect(username, "127.0.0.1", server.port()).verify(WAIT).getSession();
        try {
            session.addPasswordIdentity(password);
            session.auth().verify(WAIT);
            return session;
        } catch (IOException e) {
            session.close();
            throw e;
        }
    }

    private record Sftp(int rc, String output) {
    }

    private Sftp sftp(String account, String... commands) throws IOException, InterruptedException {
        return sftpWithKey(account, account, commands);
    }

    /** The OpenSSH client in batch mode: rc 0 only when every command succeeded, 255 when sign-in failed. */
    private Sftp sftpWithKey(String key, String account, String... commands) throws IOException, InterruptedException {
        Path batch = Files.writeString(Files.createTempFile(TEMP, "batch", ".txt"), String.join("\n", commands) + "\n");
        List<String> command = new ArrayList<>(List.of("/usr/bin/sftp", "-b", batch.toString(), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes",
                "-o", "LogLevel=ERROR", "-i", KEYS.resolve(key).toString(), "-P", String.valueOf(server.port()), account + "@127.0.0.1"));
        return run(command);
    }

    private static Sftp run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(LOCAL.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Sftp(process.exitValue(), output);
    }

    private int queued() {
        Integer count = jms.browse(SftpReceipts.QUEUE, (session, browser) -> Collections.list(browser.getEnumeration()).size());
        return count == null ? 0 : count;
    }

    private static Path home(String providerRef) {
        return DATA.resolve("sftp").resolve(providerRef);
    }

    private static List<Path> receivedFiles(String providerRef) throws IOException {
        Path folder = DATA.resolve("received/sftp").resolve(providerRef);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    private static byte[] body(Message message) throws Exception {
        BytesMessage bytes = (BytesMessage) message;
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        return body;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static Path newTempDir() {
        try {
            return Files.createTempDirectory("carehub-sftp-").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
