package org.carehub.finance;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * One of ContrOCC's JSON interfaces beside its SOAP import (payment run export, co-funded care extract, deaths):
 * where it is, and a client with the same connect and answer timeouts as the import ({@code carehub.finance.controcc}).
 * The address is resolved on each use: the default names this process's web server port, known only once it runs.
 */
final class ContrOCCJsonEndpoint {

    private final Environment environment;
    private final String url;
    private final RestClient http;

    ContrOCCJsonEndpoint(Environment environment, RestClient.Builder builder, ContrOCCFinanceProperties timeouts,
                         String configuredUrl, String defaultUrl) {
        this.environment = environment;
        this.url = configuredUrl == null || configuredUrl.isBlank() ? defaultUrl : configuredUrl;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(timeouts.connectTimeoutMs())).build());
        requests.setReadTimeout(Duration.ofMillis(timeouts.receiveTimeoutMs()));
        this.http = builder.clone().requestFactory(requests).build();
    }

    String address() {
        return environment.resolveRequiredPlaceholders(url);
    }

    RestClient http() {
        return http;
    }
}
