package org.carehub.deaths;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Gives LAS a task for a team's work list ({@code carehub.deaths.las-tasks-url}; by default the LAS simulator in this
 * hub). LAS keeps one task per reference, so a task sent again after a crash is not doubled.
 */
@Component
public class LasTasks {

    static final String DEFAULT_URL = "http://127.0.0.1:${local.server.port:${server.port:8080}}/simulators/las/tasks";

    private final Environment environment;
    private final RestClient http;

    public LasTasks(Environment environment, RestClient.Builder builder) {
        this.environment = environment;
        this.http = builder.build();
    }

    void send(LasTask task) {
        // Read per call: the default names the web server's port, known only once it runs.
        String url = environment.getProperty("carehub.deaths.las-tasks-url", environment.resolveRequiredPlaceholders(DEFAULT_URL));
        http.post().uri(url).body(task).retrieve().toBodilessEntity();
    }
}
