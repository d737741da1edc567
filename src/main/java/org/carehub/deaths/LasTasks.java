package org.carehub.deaths;

import org.springframework.beans.factory.annotation.Value;
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

    private final String url;
    private final Environment environment;
    private final RestClient http;

    public LasTasks(@Value("${carehub.deaths.las-tasks-url:" + DEFAULT_URL + "}") String url, Environment environment,
                    RestClient.Builder builder) {
        this.url = url;
        this.environment = environment;
        this.http = builder.build();
    }

    void send(LasTask task) {
        // Resolved per call: the default names the web server's port, known only once it runs.
        http.post().uri(environment.resolveRequiredPlaceholders(url)).body(task).retrieve().toBodilessEntity();
    }
}
