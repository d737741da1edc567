package org.carehub.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.carehub.HubTest;
import org.carehub.invoices.ProviderOutbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole hub as configured in config/ and mappings/: a demo provider uploads and fetches its reply. */
class ProviderSftpHubTest extends HubTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private ProviderSftpServer server;
    @Autowired
    private ProviderOutbox outbox;

    @Test
    void aDemoProviderUploadsAnInvoiceThatWaitsOnTheQueueAndFetchesItsReplyFromTheOutbox() throws Exception {
        byte[] invoice = "provider_ref,invoice_number\nPRV-001,BW-1001\n".getBytes(StandardCharsets.UTF_8);
        byte[] reply = "BW-1001 received\n".getBytes(StandardCharsets.UTF_8);
        SshClient client = SshClient.setUpDefaultClient();
        client.start();
        try (ClientSession session = client.connect("brightwater", "127.0.0.1", server.port()).verify(WAIT).getSession()) {
            session.addPasswordIdentity("brightwater-pass");
            session.auth().verify(WAIT);
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                try (OutputStream out = sftp.write("inbox/BW-1001.csv")) {
                    out.write(invoice);
                }

                await().atMost(WAIT).until(() -> jms.browse(SftpReceipts.QUEUE,
                        (jmsSession, browser) -> Collections.list(browser.getEnumeration()).size()) == 1);
                BytesMessage message = (BytesMessage) jms.receive(SftpReceipts.QUEUE);
                byte[] body = new byte[(int) message.getBodyLength()];
                message.readBytes(body);
                assertThat(body).isEqualTo(invoice);
                assertThat(message.getStringProperty(SftpReceipts.PROVIDER_REF)).isEqualTo("PRV-001");
                assertThat(message.getStringProperty(SftpReceipts.FILE_NAME)).isEqualTo("BW-1001.csv");
                assertThat(dataDir().resolve("sftp/PRV-001/inbox")).isEmptyDirectory();

                outbox.write("PRV-001", "BW-1001-result.txt", reply);
                ByteArrayOutputStream fetched = new ByteArrayOutputStream();
                try (InputStream in = sftp.read("outbox/BW-1001-result.txt")) {
                    in.transferTo(fetched);
                }
                assertThat(fetched.toByteArray()).isEqualTo(reply);
            }
        } finally {
            client.stop();
        }
    }
}
