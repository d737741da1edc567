package org.carehub.simulators.las;

import java.time.LocalDate;
import java.util.List;
import org.carehub.cases.LasEvent;
import org.carehub.reference.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Stands in for LAS in the default run: every interval publishes one piece of work to the hub's own
 * REST channel over HTTP, as LAS would, so a newcomer sees care lines reach finance and defective
 * ones parked with their reasons within a minute.
 */
@Component
@ConditionalOnProperty(prefix = "carehub.simulators.las", name = "enabled", havingValue = "true")
public class LasTrafficSimulator {

    private static final Logger log = LoggerFactory.getLogger(LasTrafficSimulator.class);

    private final LasSimulatorProperties properties;
    private final Environment environment;
    private final LasTrafficGenerator generator;
    private final RestClient http;

    public LasTrafficSimulator(LasSimulatorProperties properties, ReferenceData reference, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        this.generator = new LasTrafficGenerator(reference, properties.seed(), LocalDate.now());
        // LAS signs in as its system user, as the real LAS must.
        this.http = RestClient.builder()
                .defaultHeaders(headers -> headers.setBasicAuth(properties.username(), properties.password()))
                .build();
    }

    @Scheduled(initialDelayString = "${carehub.simulators.las.initial-delay-ms:5000}",
            fixedDelayString = "${carehub.simulators.las.interval-ms:2000}")
    public void publishPieceOfWork() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return; // the web server is not up yet
        }
        List<LasEvent> events = generator.next(properties.defectPercent());
        String url = "http://127.0.0.1:" + port + "/api/las/events";
        for (LasEvent event : events) {
            try {
                HttpStatusCode status = http.post().uri(url).body(event).retrieve().toBodilessEntity().getStatusCode();
                log.debug("LAS simulator sent {} {} → {}", event.type(), event.idempotencyKey(), status);
            } catch (RuntimeException e) {
                log.warn("LAS simulator could not send {} {}: {}", event.type(), event.idempotencyKey(), e.getMessage());
            }
        }
    }
}
