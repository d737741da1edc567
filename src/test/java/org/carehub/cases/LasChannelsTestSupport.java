package org.carehub.cases;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.carehub.HubTest;
import org.carehub.failures.ParkedHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running hub for the LAS channel tests: one Spring context (embedded Artemis, H2, Flyway, Tomcat on a
 * random port) over a fresh data folder, shared by all channel test classes, and helpers to send over
 * HTTP and to take what arrived off the broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class LasChannelsTestSupport {

    /** One data folder per test JVM: the context is shared, so the folder must outlive each test class. */
    static final Path DATA = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
    static final Path INBOX = DATA.resolve("las-inbox");
    static final Path ARCHIVE = DATA.resolve("las-archive");
    static final int MESSAGE_LIMIT = 64 * 1024;

    @DynamicPropertySource
    static void hubSettings(DynamicPropertyRegistry registry) {
        registry.add("carehub.data-dir", DATA::toString);
        // Its own broker and MBean names, beside the other test hubs in the JVM.
        registry.add("carehub.hub-name", () -> "las-channels-tests");
        registry.add("carehub.las.max-message-bytes", () -> MESSAGE_LIMIT);
        registry.add("carehub.las.csv.inbox", INBOX::toString);
        registry.add("carehub.las.csv.archive", ARCHIVE::toString);
        registry.add("carehub.las.csv.settle-time", () -> "300ms");
        // These tests check what the channels put on the broker, so the flow that consumes it stays off.
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/las-csv-extract.yaml,file:routes/error-handling.yaml");
        registry.add("carehub.simulators.las.enabled", () -> false);
        // No digests or SFTP here; the embedded servers' fixed ports would clash with other hubs in the test JVM.
        registry.add("carehub.mail.embedded.enabled", () -> false);
        registry.add("carehub.sftp.enabled", () -> false);
    }

    @LocalServerPort
    int port;

    @Autowired
    ConnectionFactory connectionFactory;

    JmsTemplate broker;

    final HttpClient http = HttpClient.newHttpClient();

    /** LAS signs in as its system user on both channels. */
    static final String LAS_SIGN_IN = "Basic " + Base64.getEncoder()
            .encodeToString((HubTest.LAS + ":" + HubTest.password(HubTest.LAS)).getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void brokerClient() {
        broker = new JmsTemplate(connectionFactory);
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", LAS_SIGN_IN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A message taken off a queue: its properties and its body, read while its session was open. */
    record Received(Map<String, Object> properties, byte[] body) {

        String property(String name) {
            return (String) properties.get(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Takes the event of this journey off the LAS events queue (nothing consumes it in these tests). */
    Received queued(String journeyId) {
        return receive(LasIntake.QUEUE, ParkedHeaders.JOURNEY_ID + " = '" + journeyId + "'");
    }

    /** Takes the refused original of this journey off the LAS events parked queue. */
    Received parked(String journeyId) {
        return receive(ParkedHeaders.parkedQueueOf(LasIntake.QUEUE), ParkedHeaders.JOURNEY_ID + " = '" + journeyId + "'");
    }

    /** Takes the first message matching a JMS selector off a queue, waiting up to ten seconds. */
    Received receive(String queue, String selector) {
        // Large bodies (Artemis "large messages") can only be read while the session is open.
        Received received = broker.execute(session -> {
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
                Message message = consumer.receive(10_000);
                return message == null ? null : new Received(properties(message), body(message));
            }
        }, true);
        assertThat(received).as("message [%s] on %s", selector, queue).isNotNull();
        return received;
    }

    private static Map<String, Object> properties(Message message) throws JMSException {
        Map<String, Object> properties = new HashMap<>();
        for (String name : Collections.list((Enumeration<String>) message.getPropertyNames())) {
            properties.put(name, message.getObjectProperty(name));
        }
        return properties;
    }

    private static byte[] body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText().getBytes(StandardCharsets.UTF_8);
        }
        BytesMessage bytesMessage = (BytesMessage) message;
        byte[] bytes = new byte[(int) bytesMessage.getBodyLength()];
        bytesMessage.readBytes(bytes);
        return bytes;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
