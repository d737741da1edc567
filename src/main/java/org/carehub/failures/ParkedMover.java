package org.carehub.failures;

import static org.carehub.failures.ParkedHeaders.*;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Takes one journey's message off a parked queue inside its own local JMS transaction. Whatever the
 * step does (send it back to its flow, or nothing for a discard) is committed together with the take,
 * so an interruption at any point leaves the message either moved or still parked — never both, never neither.
 */
@Component
public class ParkedMover {

    /** Headers that describe the last failure only; a message back on its flow must not carry a stale reason. */
    private static final Set<String> FAILURE_HEADERS = Set.of(REASON_CODE, REASON_TITLE, EXPLANATION, FIELD, VALUE,
            FIX, OWNER_TEAM, FAILED_STEP, ARTEMIS_ORIGINAL_ADDRESS, ARTEMIS_ORIGINAL_QUEUE);
    /** The parked message may be on the queue only a moment after it was browsed; never wait long for it. */
    private static final long RECEIVE_TIMEOUT_MS = 2000;
    private static final String GROUP_ID = "JMSXGroupID";

    private final ConnectionFactory connections;

    public ParkedMover(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** What to do with the taken message, inside the transaction; throwing rolls the take back. */
    @FunctionalInterface
    public interface Step<T> {
        T apply(Message parked, Session session) throws JMSException;
    }

    /** The broker could not be reached at all: nothing was taken, and the next move would fail the same way. */
    public static class BrokerUnreachableException extends JMSException {
        BrokerUnreachableException(JMSException cause) {
            super("the broker cannot be reached: " + cause.getMessage());
            initCause(cause);
        }
    }

    /** Runs the step on the journey's parked message; empty if it is not (or no longer) on the queue. */
    public <T> Optional<T> move(String parkedQueue, String journeyId, Step<T> step) throws JMSException {
        try (Connection connection = connect()) {
            Session session = session(connection);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(parkedQueue),
                    ParkedQueues.journeySelector(journeyId))) {
                Message parked = consumer.receive(RECEIVE_TIMEOUT_MS);
                if (parked == null) {
                    session.rollback();
                    return Optional.empty();
                }
                T result = step.apply(parked, session);
                session.commit();
                return Optional.of(result);
            } catch (JMSException | RuntimeException failed) {
                rollbackQuietly(session, failed);
                throw failed;
            }
        }
    }

    private Connection connect() throws BrokerUnreachableException {
        try {
            Connection connection = connections.createConnection();
            connection.start();
            return connection;
        } catch (JMSException unreachable) {
            throw new BrokerUnreachableException(unreachable);
        }
    }

    private static Session session(Connection connection) throws BrokerUnreachableException {
        try {
            return connection.createSession(true, Session.SESSION_TRANSACTED);
        } catch (JMSException unreachable) {
            throw new BrokerUnreachableException(unreachable);
        }
    }

    /**
     * Sends the parked message back to the queue it was parked from, with its history (first failure,
     * attempts), its journey and its message group (per-client order), but without the last failure's reason.
     *
     * @param body the payload to send, or null to send it unchanged
     * @param headers headers to set on the way back (e.g. ones derived from an edited payload)
     */
    public static void sendBack(Message parked, Session session, String body, Map<String, Object> headers)
            throws JMSException {
        String queue = parked.getStringProperty(ARTEMIS_ORIGINAL_QUEUE);
        if (queue == null || queue.isBlank()) {
            throw new IllegalStateException("the parked message does not name the queue it came from (" + ARTEMIS_ORIGINAL_QUEUE + ")");
        }
        Message copy = copyBody(parked, session, body);
        for (Object property : Collections.list(parked.getPropertyNames())) {
            String name = (String) property;
            // JMSX*/JMS_* are the provider's; _AMQ_* are Artemis' routing internals.
            if (!FAILURE_HEADERS.contains(name) && !name.startsWith("JMS") && !name.startsWith("_AMQ")) {
                copy.setObjectProperty(name, parked.getObjectProperty(name));
            }
        }
        String group = parked.getStringProperty(GROUP_ID);
        if (group != null) {
            copy.setStringProperty(GROUP_ID, group);
        }
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            copy.setObjectProperty(header.getKey(), header.getValue());
        }
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(copy);
        }
    }

    private static Message copyBody(Message parked, Session session, String body) throws JMSException {
        if (body != null || parked instanceof TextMessage) {
            return session.createTextMessage(body != null ? body : ((TextMessage) parked).getText());
        }
        if (parked instanceof BytesMessage bytes) {
            BytesMessage copy = session.createBytesMessage();
            copy.writeBytes(ParkedQueues.body(bytes));
            return copy;
        }
        throw new IllegalStateException("a parked " + parked.getClass().getSimpleName() + " cannot be sent back");
    }

    private static void rollbackQuietly(Session session, Exception cause) {
        try {
            session.rollback();
        } catch (JMSException | RuntimeException alsoFailed) {
            // The broker is gone: it never saw a commit, so the take is undone on its side anyway.
            cause.addSuppressed(alsoFailed);
        }
    }
}
