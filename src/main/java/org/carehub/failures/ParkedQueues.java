package org.carehub.failures;

import static org.carehub.failures.ParkedHeaders.*;

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

    private interface Visitor {
        void visit(Message message) throws JMSException;
    }

    private void browse(String queue, String selector, Visitor visitor) {
        jms.browseSelected(queue, selector, (session, browser) -> {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                visitor.visit((Message) messages.nextElement());
            }
            return null;
        });
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
            byte[] content = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(content);
            return new String(content, StandardCharsets.UTF_8);
        }
        return m instanceof TextMessage text ? text.getText() : m.getBody(String.class);
    }

    private static Instant instant(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }
}
