package org.carehub.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.carehub.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole hub as configured in config/ and mappings/: a demo provider uploads and fetches its reply. */
class ProviderSftpHubTest extends HubTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private ProviderSftpServer server;
    private static final String PARKED_QUEUE = "carehub.invoices.received.parked";

    @Test
    void aDemoProviderUploadsAFileAndFetchesTheInvoiceFlowsAnswerFromTheOutbox() throws Exception {
        // Not the care-actuals template: the flow refuses it, keeps it parked and says why.
        byte[] invoice = "provider_ref,invoice_number\nPRV-001,BW-1001\n".getBytes(StandardCharsets.UTF_8);
        SshClient client = SshClient.setUpDefaultClient();
        client.start();
        try (ClientSession session = client.connect("brightwater", "127.0.0.1", server.port()).verify(WAIT).getSession()) {
            session.addPasswordIdentity("brightwater-pass");
            session.auth().verify(WAIT);
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                try (OutputStream out = sftp.write("inbox/BW-1001.csv")) {
                    out.write(invoice);
                }

                await().atMost(WAIT).until(() -> parked(PARKED_QUEUE).stream()
                        .anyMatch(p -> "BW-1001.csv".equals(p.header(SftpReceipts.FILE_NAME))));
                assertThat(dataDir().resolve("sftp/PRV-001/inbox")).isEmptyDirectory();
                await().atMost(WAIT).until(() -> names(sftp).contains("BW-1001.csv.result.txt"));
                ByteArrayOutputStream fetched = new ByteArrayOutputStream();
                try (InputStream in = sftp.read("outbox/BW-1001.csv.result.txt")) {
                    in.transferTo(fetched);
                }
                assertThat(fetched.toString(StandardCharsets.UTF_8)).contains("REFUSED", "INVOICE_CSV_INVALID");
            }
        } finally {
            client.stop();
        }
    }

    private static List<String> names(SftpClient sftp) throws IOException {
        List<String> names = new ArrayList<>();
        sftp.readDir("outbox").forEach(entry -> names.add(entry.getFilename()));
        return names;
    }
}
