package org.carehub.cases;

import static org.awaitility.Awaitility.await;
import static org.carehub.BenchmarkFigures.percentileMillis;
import static org.carehub.BenchmarkFigures.perSecond;
import static org.carehub.BenchmarkFigures.rate;
import static org.carehub.BenchmarkFigures.ratio;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.carehub.BenchmarkFigures;
import org.carehub.HubTest;
import org.carehub.failures.Journey;
import org.carehub.failures.JourneyLedger;
import org.carehub.failures.JourneyStatus;
import org.carehub.reference.ReferenceData;
import org.carehub.simulators.contrOCC.SimulatorStats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 7, benchmark items 1 and 2: the same care-line events (a) sent and received raw on the hub's own embedded
 * Artemis (persistent, one transaction per message each side, to a queue under the same carehub.# address settings
 * and journal) and (b) through the hub end to end: LAS REST door → journey → carehub.las.events → rules → ContrOCC
 * simulator over SOAP, persistent and transacted, until finance holds them all. Then latency at fixed rates, from
 * the hub's own ledger (journey received → delivered). Prints figures, asserts nothing about time.
 */
@Tag(BenchmarkFigures.TAG)
class LasThroughputBenchmark extends HubTest {

    private static final int CLIENTS = 100;
    private static final int WARM_UP = 200;
    private static final int EVENTS = 1000;
    private static final int SENDERS = 4;
    private static final Duration DRAIN = Duration.ofMinutes(10);
    private static final String RAW_QUEUE = "carehub.benchmark.raw";

    @Autowired
    ReferenceData reference;
    @Autowired
    JourneyLedger ledger;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    ObjectMapper json;

    private List<Client> clients;
    private int careLines;

    @Test
    void raw_broker_against_the_hub_end_to_end_and_latency_at_fixed_rates() throws Exception {
        clients = registeredClients();
        deliver(careLineEvents(WARM_UP), SENDERS);
        System.out.println("[las-throughput] " + CLIENTS + " clients registered, " + WARM_UP + " care lines to warm up delivered");

        List<LasEvent> events = careLineEvents(EVENTS);
        double raw = rawBrokerRate(events);
        Run hub = deliver(events, SENDERS);
        double hubRate = perSecond(EVENTS, hub.elapsed());
        System.out.println("[las-throughput] raw " + rate(raw) + ", hub " + rate(hubRate));

        BenchmarkFigures figures = new BenchmarkFigures("las-throughput")
                .add("events", EVENTS + " CARE_LINE_CREATED for " + CLIENTS + " clients, " + SENDERS + " senders")
                .add("1. raw Artemis persistent send + receive (transacted)", rate(raw))
                .add("2. hub end to end (REST door → ContrOCC simulator)", rate(hubRate))
                .add("hub / raw", ratio(hubRate / raw))
                .add("hub end to end p50 / p99 (all queued at once)",
                        percentileMillis(hub.latencies(), 50) + " ms / " + percentileMillis(hub.latencies(), 99) + " ms");
        for (int perSecond : new int[] {100, 30, 10}) {
            int count = Math.max(100, perSecond * 10);
            Run atRate = deliverAtRate(careLineEvents(count), perSecond);
            figures.add("latency at " + perSecond + "/s (" + count + " events): p50 / p99 / max",
                    percentileMillis(atRate.latencies(), 50) + " ms / " + percentileMillis(atRate.latencies(), 99) + " ms / "
                            + percentileMillis(atRate.latencies(), 100) + " ms")
                    .add("delivered rate while sending " + perSecond + "/s", rate(perSecond(count, atRate.elapsed())));
        }
        figures.print();
    }

    /** The bodies and headers the hub's intake puts on the broker, sent and received raw on the hub's broker. */
    private double rawBrokerRate(List<LasEvent> events) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (LasEvent event : events) {
            bodies.add(json.writeValueAsString(event));
        }
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session receiving = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = receiving.createQueue(RAW_QUEUE);
            MessageConsumer consumer = receiving.createConsumer(queue);
            long start = System.nanoTime();
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> send(connection, queue, events, bodies));
            for (int i = 0; i < events.size(); i++) {
                if (consumer.receive(DRAIN.toMillis()) == null) {
                    throw new IllegalStateException("raw baseline: message " + i + " never arrived");
                }
                receiving.commit();
            }
            long elapsed = System.nanoTime() - start;
            sent.join();
            return perSecond(events.size(), Duration.ofNanos(elapsed));
        }
    }

    private static void send(Connection connection, Queue queue, List<LasEvent> events, List<String> bodies) {
        try (Session sending = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = sending.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < bodies.size(); i++) {
                TextMessage message = sending.createTextMessage(bodies.get(i));
                for (Map.Entry<String, Object> header : LasIntake.subjectHeaders(events.get(i)).entrySet()) {
                    message.setObjectProperty(header.getKey(), header.getValue());
                }
                producer.send(message);
                sending.commit();
            }
        } catch (JMSException e) {
            throw new IllegalStateException("raw baseline send failed", e);
        }
    }

    /** What one run measured: from the first send to the last delivery, and each journey's received → delivered. */
    private record Run(Duration elapsed, List<Long> latencies) {
    }

    /** Sends the events as fast as the senders go and waits until the ContrOCC simulator holds every care line. */
    private Run deliver(List<LasEvent> events, int senders) throws Exception {
        return measured(events, (executor, event) -> executor.submit(() -> publishAndGetJourney(event)), senders);
    }

    /** Sends the events at a fixed rate (open loop: a slow answer does not slow the sending) and waits likewise. */
    private Run deliverAtRate(List<LasEvent> events, int perSecond) throws Exception {
        long interval = 1_000_000_000L / perSecond;
        long[] next = {System.nanoTime()};
        return measured(events, (executor, event) -> {
            LockSupport.parkNanos(next[0] - System.nanoTime());
            next[0] += interval;
            return executor.submit(() -> publishAndGetJourney(event));
        }, 64);
    }

    private interface Sending {
        Future<String> send(ExecutorService executor, LasEvent event);
    }

    private Run measured(List<LasEvent> events, Sending sending, int senders) throws Exception {
        long linesBefore = stats().serviceLines();
        ExecutorService executor = Executors.newFixedThreadPool(senders);
        List<Future<String>> answers = new ArrayList<>();
        Instant start = Instant.now();
        try {
            for (LasEvent event : events) {
                answers.add(sending.send(executor, event));
            }
            List<String> journeys = new ArrayList<>();
            for (Future<String> answer : answers) {
                journeys.add(answer.get());
            }
            await().atMost(DRAIN).pollInterval(Duration.ofMillis(100))
                    .until(() -> stats().serviceLines() >= linesBefore + events.size());
            List<Long> latencies = new ArrayList<>();
            Instant last = start;
            for (String journeyId : journeys) {
                Journey journey = ledger.find(journeyId).orElseThrow();
                if (journey.status() != JourneyStatus.DELIVERED) {
                    throw new IllegalStateException("journey " + journeyId + " is " + journey.status() + " " + journey.reasonCode());
                }
                latencies.add(Duration.between(journey.receivedAt(), journey.updatedAt()).toMillis());
                last = journey.updatedAt().toInstant().isAfter(last) ? journey.updatedAt().toInstant() : last;
            }
            return new Run(Duration.between(start, last), latencies);
        } finally {
            executor.shutdownNow();
        }
    }

    private List<Client> registeredClients() throws Exception {
        List<Client> registered = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            registered.add(TestEvents.client(TestEvents.unique("LAS")));
        }
        long before = stats().clients();
        for (Client client : registered) {
            publishAndGetJourney(TestEvents.registered(client));
        }
        await().atMost(DRAIN).until(() -> stats().clients() >= before + CLIENTS);
        return registered;
    }

    /**
     * New care lines spread over the registered clients in turn, each passing every rule: a client's lines follow one
     * another a week at a time (finance refuses two lines of one service for the same days).
     */
    private List<LasEvent> careLineEvents(int count) {
        TestEvents events = new TestEvents(reference);
        LocalDate first = LocalDate.now().minusDays(7);
        List<LasEvent> created = new ArrayList<>();
        for (int i = 0; i < count; i++, careLines++) {
            Client client = clients.get(careLines % clients.size());
            LocalDate start = first.plusWeeks(careLines / clients.size());
            CareLine line = events.goodCareLine(client.lasPersonId(), "HOMECARE", start);
            created.add(TestEvents.created(TestEvents.withDates(line, start, start.plusDays(6))));
        }
        return created;
    }

    private SimulatorStats stats() {
        return http.get().uri(baseUrl() + "/simulators/contrOCC/stats").retrieve().body(SimulatorStats.class);
    }
}
