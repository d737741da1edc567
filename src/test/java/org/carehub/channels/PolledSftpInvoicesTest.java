package org.carehub.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.carehub.StandaloneHub;
import org.carehub.cases.TestEvents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Polling a council-run SFTP server instead of hosting one is configuration (carehub.invoices.sftp-poll.*): a
 * provider's complete file in its inbox there is taken once, kept in its received/ folder there, checked by the
 * invoice flow, and answered in its outbox there. The council's server here is a MINA SSHD server of the test's own.
 */
@Tag(StandaloneHub.TAG)
class PolledSftpInvoicesTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CSV_HEADER =
            "provider,invoice_number,invoice_date,client,service,element,period_from,period_to,units,unit_rate,amount,vat_rate,vat_amount\n";

    @TempDir
    Path dataDir;
    @TempDir
    Path councilServer;

    @Test
    void a_file_in_a_providers_inbox_on_the_councils_server_is_taken_once_kept_there_and_answered_in_its_outbox() throws Exception {
        Path provider = councilServer.resolve("providers/PRV-001");
        for (String folder : List.of("inbox", "outbox", "received")) {
            Files.createDirectories(provider.resolve(folder));
        }
        Files.createDirectories(councilServer.resolve("providers/NOT-A-PROVIDER/inbox"));
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(councilServer.resolveSibling(councilServer.getFileName() + "-hostkey")));
        server.setPasswordAuthenticator((user, password, session) -> "carehub".equals(user) && "council-pass".equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(councilServer));
        server.start();
        String number = TestEvents.unique("BW-POLL");
        byte[] csv = (CSV_HEADER + String.join(",", "PRV-001", number, "2026-05-01", "NOBODY-" + number, "HOMECARE",
                "PERSONAL_CARE", "2026-04-06", "2026-04-12", "10", "26.10", "261.00", "0", "0.00") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] stranger = csv.clone();

        try (ConfigurableApplicationContext hub = StandaloneHub.start(dataDir,
                "--carehub.invoices.sftp-poll.enabled=true", "--carehub.invoices.sftp-poll.port=" + server.getPort(),
                "--carehub.invoices.sftp-poll.password=council-pass", "--carehub.invoices.sftp-poll.strict-host-key-checking=no",
                "--carehub.invoices.sftp-poll.delay-ms=200")) {
            // Uploaded as a provider's client does: under a temporary name the hub skips, then renamed.
            Files.write(provider.resolve("inbox/" + number + ".csv.part"), csv);
            Files.write(councilServer.resolve("providers/NOT-A-PROVIDER/inbox/" + number + ".csv"), stranger);
            Files.move(provider.resolve("inbox/" + number + ".csv.part"), provider.resolve("inbox/" + number + ".csv"),
                    StandardCopyOption.ATOMIC_MOVE);

            Path answer = provider.resolve("outbox/" + number + ".csv.result.txt");
            await().atMost(WAIT).until(() -> Files.exists(answer));
            assertThat(Files.readString(answer)).contains("Invoice " + number + " from PRV-001", "INVOICE_UNKNOWN_CLIENT");
            assertThat(provider.resolve("outbox/" + number + ".csv.result.csv")).content().contains(number + ",2,REJECTED");
            assertThat(provider.resolve("inbox")).isEmptyDirectory();
            try (Stream<Path> kept = Files.list(provider.resolve("received"))) {
                assertThat(kept.toList()).singleElement().satisfies(file -> {
                    assertThat(file.getFileName().toString()).endsWith("-" + number + ".csv");
                    assertThat(file).hasBinaryContent(csv);
                });
            }
            JdbcTemplate db = hub.getBean(JdbcTemplate.class);
            List<Map<String, Object>> stored = db.queryForList(
                    "SELECT channel, original_file FROM provider_invoice WHERE invoice_number = ?", number);
            assertThat(stored).singleElement().satisfies(row -> {
                assertThat(row.get("CHANNEL")).isEqualTo(PolledSftpInvoices.CHANNEL);
                assertThat((String) row.get("ORIGINAL_FILE")).startsWith("sftp://127.0.0.1:" + server.getPort() + "/providers/PRV-001/received/");
            });
            // A folder that is no provider is never read as one: its file stays where it is.
            assertThat(councilServer.resolve("providers/NOT-A-PROVIDER/inbox/" + number + ".csv")).hasBinaryContent(stranger);
        } finally {
            server.stop(true);
        }
    }
}
