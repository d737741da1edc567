package org.carehub.failures;

import static org.carehub.failures.ParkedHeaders.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the parked (dead-letter) queues without taking anything off them. Browsing over JMS works the
 * same against the embedded broker and an external one.
 */
@Component
public class ParkedQueues {

    private final JmsTemplate jms;
    private final FailureDeskProperties properties;
    private final Clock clock;

    @Autowired
    public ParkedQueues(JmsTemplate jms, FailureDeskProperties properties) {
        this(jms, properties, Clock.systemUTC());
    }

    ParkedQueues(JmsTemplate jms, FailureDeskProperties properties, Clock clock) {
        this.jms = jms;
        this.properties = properties;
        this.clock = clock;
    }

    public List<String> queues() {
        return properties.parkedQueues();
    }

    /** Parked messages matching the filter, oldest failure first. */
    public List<ParkedItem> list(ParkedFilter filter) {
        Instant now = clock.instant();
        List<ParkedItem> found = new ArrayList<>();
        for (String queue : queues()) {
            browse(queue, null, message -> {
                ParkedItem item = item(queue, message);
                if (filter.matches(item, now)) {
                    found.add(item);
                }
            });
        }
        found.sort(Comparator.comparing(ParkedItem::firstFailedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ParkedItem::journeyId));
        return found;
    }

    /** The parked message of a journey, with its headers and payload, if it is parked on any queue. */
    public Optional<ParkedMessage> find(String journeyId) {
        List<ParkedMessage> found = new ArrayList<>();
        for (String queue : queues()) {
            browse(queue, journeySelector(journeyId), message -> found.add(
                    new ParkedMessage(item(queue, message), headers(message), payload(message))));
        }
        return found.stream().findFirst();
    }

    /** A JMS selector picking one journey's parked message (journey ids are UUIDs; quotes are escaped anyway). */
    public static String journeySelector(String journeyId) {
        return JOURNEY_ID + " = '" + journeyId.replace("'", "''") + "'";
    }

    private static final int ASKS_BEFORE_THE_END = 6;
    private static final long PATIENCE_MS = 75;

    private interface Visitor {
        void visit(Message message) throws JMSException;
    }

    /** Each message is visited before the browser moves on: a large message's body can only be read until then. */
    private void browse(String queue, String selector, Visitor visitor) {
        jms.browseSelected(queue, selector, (session, browser) -> {
            Enumeration<?> messages = browser.getEnumeration();
            while (hasMore(messages)) {
                visitor.visit((Message) messages.nextElement());
            }
            return null;
        });
    }

    /**
     * Artemis can answer "no more" while it is still starting to stream a large message (its large-message deliverer
     * runs after the browser's forced-delivery answer), which ended the list at the first large parked message. Each
     * further question is another round trip to the broker; the last few wait a moment first (at most
     * {@value #PATIENCE_MS} ms at the end of each queue), by which time the message has come.
     */
    private static boolean hasMore(Enumeration<?> messages) {
        for (int ask = 0; ask < ASKS_BEFORE_THE_END; ask++) {
            if (ask >= ASKS_BEFORE_THE_END / 2) {
                try {
                    Thread.sleep(PATIENCE_MS / (ASKS_BEFORE_THE_END - ASKS_BEFORE_THE_END / 2));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (messages.hasMoreElements()) {
                return true;
            }
        }
        return false;
    }

    static ParkedItem item(String queue, Message m) throws JMSException {
        return new ParkedItem(m.getStringProperty(JOURNEY_ID), queue, m.getStringProperty(FLOW),
                m.getStringProperty(REASON_CODE), m.getStringProperty(REASON_TITLE), m.getStringProperty(EXPLANATION),
                m.getStringProperty(FIELD), m.getStringProperty(VALUE), m.getStringProperty(FIX),
                m.getStringProperty(OWNER_TEAM), m.getStringProperty(CLIENT_ID), m.getStringProperty(CARE_LINE_ID),
                m.getStringProperty(PROVIDER_REF), instant(m.getStringProperty(FIRST_FAILED_AT)),
                instant(m.getStringProperty(LAST_FAILED_AT)),
                m.propertyExists(ATTEMPTS) ? m.getIntProperty(ATTEMPTS) : 0, m.getJMSMessageID());
    }

    static Map<String, Object> headers(Message m) throws JMSException {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Object name : Collections.list(m.getPropertyNames())) {
            headers.put((String) name, m.getObjectProperty((String) name));
        }
        return headers;
    }

    /** The payload as text; refused input parked as bytes is read as UTF-8, the encoding the channels accept. */
    static String payload(Message m) throws JMSException {
        if (m instanceof BytesMessage bytes) {
            return new String(body(bytes), StandardCharsets.UTF_8);
        }
        return m instanceof TextMessage text ? text.getText() : m.getBody(String.class);
    }

    /**
     * The whole body of a bytes message, from its first byte, or an error: never a part of it. A body over the
     * broker's large-message size (Artemis: 100 KB) is streamed from the broker in chunks while it is read, and only
     * while its consumer is on it: read it before the browser or consumer moves to the next message (which drops the
     * chunks not yet read) and before the session closes. One {@code readBytes} call may also return fewer bytes than
     * asked for, so it is read until the end.
     */
    public static byte[] body(BytesMessage message) throws JMSException {
        message.reset();
        long length = message.getBodyLength();
        ByteArrayOutputStream content = new ByteArrayOutputStream((int) Math.min(length, Integer.MAX_VALUE - 8));
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = message.readBytes(buffer)) > 0) {
            content.write(buffer, 0, n);
        }
        if (content.size() != length) {
            throw new IllegalStateException("message " + message.getJMSMessageID() + " has a body of " + length
                    + " bytes but only " + content.size() + " could be read: read it before moving to the next message");
        }
        return content.toByteArray();
    }

    private static Instant instant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }
}
