package org.carehub.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.carehub.HubTest;
import org.carehub.cases.LasEvent;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Publishes LAS events to a hub over its REST door (POST /api/las/events) as LAS does: each client's events in order,
 * several clients at once. An event counts as sent only once the hub answered 2xx; while the hub is down (killed,
 * restarting, its database away) the same event is tried again, so a kill never skips one.
 */
final class LasLoader {

    private static final long RETRY_PAUSE_MILLIS = 200;

    private final Supplier<String> hubUrl;
    private final int threads;
    private final RestClient las;
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger retries = new AtomicInteger();

    /** @param hubUrl the hub's address at this moment (a restarted hub may listen on another port) */
    LasLoader(Supplier<String> hubUrl, int threads) {
        this.hubUrl = hubUrl;
        this.threads = threads;
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(2_000);
        timeouts.setReadTimeout(30_000);
        this.las = RestClient.builder().requestFactory(timeouts)
                .defaultHeaders(h -> h.setBasicAuth(HubTest.LAS, HubTest.password(HubTest.LAS)))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** Sends every client's events, each client's in order; returns when all were accepted. */
    void publish(List<List<LasEvent>> eventsByClient) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (List<LasEvent> events : eventsByClient) {
                clients.add(pool.submit(() -> events.forEach(this::publish)));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void publish(LasEvent event) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                var answer = las.post().uri(hubUrl.get() + "/api/las/events").body(event).retrieve().toEntity(String.class);
                if (answer.getStatusCode().is2xxSuccessful()) {
                    // An acceptance names the journey; a bare 2xx would be an answer nobody gave on purpose.
                    if (answer.getBody() == null || !answer.getBody().contains("\"journeyId\"")) {
                        throw new IllegalStateException("The hub answered " + answer.getStatusCode() + " without a journey for "
                                + event.idempotencyKey() + ": " + answer.getBody());
                    }
                    sent.add(event.idempotencyKey());
                    return;
                }
                if (answer.getStatusCode().is4xxClientError()) {
                    throw new IllegalStateException("The hub refused " + event.idempotencyKey() + ": " + answer.getStatusCode());
                }
            } catch (RestClientException hubDown) {
                // not answering (killed, restarting): the same event again below
            }
            retries.incrementAndGet();
            try {
                Thread.sleep(RETRY_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Events the hub accepted (2xx), by LAS event id and version. */
    Set<String> sent() {
        return sent;
    }

    /** Sends tried again because the hub did not answer 2xx (down, restarting, failing). */
    int retries() {
        return retries.get();
    }
}
