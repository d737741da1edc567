package org.carehub;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import javax.management.ObjectName;
import org.carehub.cases.LasEvent;
import org.carehub.channels.HubMBeans;
import org.carehub.failures.ParkedHeaders;
import org.carehub.failures.ParkedQueues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.client.RestClient;

/**
 * Base of the end-to-end tests: the whole hub as it runs (embedded Artemis with its journal, H2 file
 * database, CXF, the ContrOCC simulator standing in for finance) in a fresh data folder, driven over
 * its real channels. Only the LAS simulator is off, so the tests alone decide the traffic.
 * <p>Every subclass shares the one data folder of the test run, so a subclass must not add properties
 * of its own: a second context on the same folder waits forever for the first one's broker journal lock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "carehub.simulators.las.enabled=false",
        "carehub.finance.redelivery.maximum-redeliveries=4",
        "carehub.finance.redelivery.initial-delay-ms=200",
        "carehub.finance.redelivery.maximum-delay-ms=1000",
        "carehub.las.csv.settle-time=500ms",
        "carehub.invoices.email.poll-delay-ms=300",
        "carehub.invoices.email.max-attachment-size=64KB",
        "carehub.nhs-claims.cron=-",
        "carehub.deaths.feed.settle-millis=300",
        "carehub.deaths.backstop.cron=-",
        "carehub.simulators.registrar.enabled=false",
        "carehub.payments.cron=-",
        "carehub.simulators.controcc.payment-runs.enabled=false"})
public abstract class HubTest {

    public static final String LAS_QUEUE = "carehub.las.events";
    public static final String LAS_PARKED_QUEUE = "carehub.las.events.parked";

    /**
     * A data folder per hub started, so two test contexts in one JVM never share a broker journal, with a
     * copy of the shipped mappings the test may change (with names no other test uses) and see reloaded.
     */
    @DynamicPropertySource
    static void freshDataDir(DynamicPropertyRegistry registry) {
        Path dataDir = newTestDir("hub-data-");
        Path mappingsDir = copyOfShippedMappings(dataDir.resolve("mappings"));
        registry.add("carehub.data-dir", dataDir::toString);
        // Its own broker and MBean names too: cached hubs in one JVM never take over each other's MBeans.
        registry.add(HubMBeans.HUB_NAME_PROPERTY, () -> "test-" + dataDir.getFileName());
        registry.add("carehub.mappings-dir", mappingsDir::toString);
        registry.add("carehub.mappings.reload-interval-ms", () -> 300);
    }

    @Value("${carehub.data-dir}")
    private Path dataDir;

    @Value("${carehub.mappings-dir}")
    private Path mappingsDir;

    @Value("${" + HubMBeans.HUB_NAME_PROPERTY + "}")
    private String hubName;

    /** The embedded mail server on ports of its own, so hubs of several test contexts in one JVM do not clash. */
    @DynamicPropertySource
    static void freeMailPorts(DynamicPropertyRegistry registry) {
        int smtp = freePort();
        int imap = freePort();
        registry.add("carehub.mail.embedded.smtp-port", () -> smtp);
        registry.add("carehub.mail.embedded.imap-port", () -> imap);
        // The providers' SFTP server likewise: 0 takes a free port (ProviderSftpServer.port()).
        registry.add("carehub.sftp.port", () -> 0);
    }

    /** A free loopback port now (for servers a test starts itself). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JmsTemplate jms;

    /** The demo users of config/application.yaml: name → password. */
    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String LAS = "las";
    private static final Map<String, String> PASSWORDS = Map.of(
            VIEWER, "viewer-pass", OPERATOR, "operator-pass", LAS, "las-pass");

    /** Calls the hub as LAS does (its system user); any status is returned, not thrown. */
    protected final RestClient http = as(LAS);

    /** A client signed in as one of the demo users; any status is returned, not thrown. */
    public static RestClient as(String user) {
        return RestClient.builder()
                .defaultHeaders(h -> h.setBasicAuth(user, password(user)))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** The demo user's password, for clients other than RestClient (SOAP, java.net.http). */
    public static String password(String user) {
        return PASSWORDS.get(user);
    }

    /** A client that sends no credentials at all. */
    protected static RestClient anonymous() {
        return RestClient.builder().defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    /** This hub's name: its broker's name in Hawtio's JMX tree. */
    protected String hubName() {
        return hubName;
    }

    /** One of this hub's own MBeans, e.g. {@code hubMBean("FailureDesk")}. */
    protected ObjectName hubMBean(String type) {
        return HubMBeans.hubMBean(hubName, type);
    }

    /** The Artemis MBean of one of this hub's queues, as Hawtio's JMX tab shows it. */
    protected ObjectName queueMBean(String queue) {
        return HubMBeans.queue(hubName, queue);
    }

    /** This hub's data folder (broker journal, database, inboxes). */
    protected Path dataDir() {
        return dataDir;
    }

    /**
     * The hub's mappings folder for this test run: a copy of the shipped {@code mappings/}, so a test may
     * change it (with names no other test uses) and see the hub reload it.
     */
    protected Path mappingsDir() {
        return mappingsDir;
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Publishes an event as LAS does over REST; returns the hub's answer whatever its status. */
    protected ResponseEntity<Map> publish(LasEvent event) {
        return http.post().uri(baseUrl() + "/api/las/events").body(event).retrieve().toEntity(Map.class);
    }

    protected String publishAndGetJourney(LasEvent event) {
        ResponseEntity<Map> answer = publish(event);
        if (!answer.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("LAS event " + event.idempotencyKey() + " refused: " + answer);
        }
        return (String) answer.getBody().get("journeyId");
    }

    /** A message parked on a dead-letter queue: its reason headers and its payload as parked. */
    public record Parked(Map<String, Object> headers, String body) {
        public String header(String name) {
            Object value = headers.get(name);
            return value == null ? null : value.toString();
        }
    }

    /** A parked message with its body as bytes: a BytesMessage's as parked, a TextMessage's in UTF-8. */
    public record ParkedBytes(Map<String, Object> headers, byte[] body) {
        public String header(String name) {
            Object value = headers.get(name);
            return value == null ? null : value.toString();
        }
    }

    /**
     * The first message parked on the queue that the selector picks, once there is one, its body read before the
     * browser moves on: a large message's body is streamed from the broker only until then.
     */
    protected ParkedBytes awaitFirstParked(String queue, String selector, Duration atMost) {
        return await().atMost(atMost).until(() -> jms.browseSelected(queue, selector, (session, browser) -> {
            Enumeration<?> messages = browser.getEnumeration();
            if (!messages.hasMoreElements()) {
                return Optional.<ParkedBytes>empty();
            }
            Message m = (Message) messages.nextElement();
            return Optional.of(new ParkedBytes(headersOf(m), m instanceof BytesMessage bytes ? ParkedQueues.body(bytes)
                    : ((TextMessage) m).getText().getBytes(StandardCharsets.UTF_8)));
        }), Optional::isPresent).get();
    }

    private static Map<String, Object> headersOf(Message m) throws JMSException {
        Map<String, Object> headers = new HashMap<>();
        for (Object name : Collections.list(m.getPropertyNames())) {
            headers.put((String) name, m.getObjectProperty((String) name));
        }
        return headers;
    }

    /** Browses (without consuming) every message parked on the queue. */
    protected List<Parked> parked(String queue) {
        List<Parked> found = jms.browse(queue, (session, browser) -> {
            List<Parked> all = new ArrayList<>();
            // Each read before the browser moves on: a large message's body is streamed from the broker only until then.
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                Message m = (Message) messages.nextElement();
                all.add(new Parked(headersOf(m), m instanceof TextMessage t ? t.getText() : null));
            }
            return all;
        });
        return found == null ? List.of() : found;
    }

    protected List<Parked> parkedJourney(String journeyId) {
        return parked(LAS_PARKED_QUEUE).stream()
                .filter(p -> journeyId.equals(p.header(ParkedHeaders.JOURNEY_ID))).toList();
    }

    static Path copyOfShippedMappings(Path copy) {
        try {
            FileSystemUtils.copyRecursively(Path.of("mappings"), copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty folder under target/ for a test's own files. */
    public static Path newTestDir(String prefix) {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target").toAbsolutePath(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
