package org.carehub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carehub.HubTest;
import org.carehub.cases.CareLine;
import org.carehub.cases.Client;
import org.carehub.cases.TestEvents;
import org.carehub.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Who may do what, over the hub's real HTTP door: REST by role, Jolokia reads for viewers and changes
 * for operators only, and the Hawtio console behind the sign-in form.
 */
class HubSecurityTest extends HubTest {

    @Autowired
    ReferenceData reference;

    @Test
    void nobody_gets_in_without_signing_in_except_to_health() {
        assertThat(status(anonymous(), "/api/journeys?clientId=X")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(anonymous(), "/api/parked")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(anonymous(), "/actuator/jolokia/version")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(anonymous(), "/actuator/prometheus")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(anonymous(), "/v3/api-docs")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous().post().uri(baseUrl() + "/api/las/events").contentType(MediaType.APPLICATION_JSON)
                .body("{}").retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(anonymous(), "/actuator/health/hub")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void wrong_password_is_refused() {
        RestClient impostor = basic(OPERATOR, "guess");
        assertThat(status(impostor, "/api/journeys?clientId=X")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static RestClient basic(String user, String password) {
        return RestClient.builder().defaultHeaders(h -> h.setBasicAuth(user, password))
                .defaultStatusHandler(s -> true, (request, response) -> { }).build();
    }

    @Test
    void a_provider_signs_in_with_its_account_and_a_wrong_password_is_refused() {
        RestClient brightwater = basic("brightwater", "brightwater-pass");
        RestClient impostor = basic("brightwater", "guess");
        // Signed in, a provider may submit invoices only: the failure desk is forbidden to it, not unauthorised.
        assertThat(status(brightwater, "/api/parked")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(impostor, "/api/parked")).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_viewer_reads_but_may_not_change_anything() {
        String journey = publishAndGetJourney(TestEvents.registered(TestEvents.client(TestEvents.unique("LAS"))));
        assertThat(status(as(VIEWER), "/api/journeys/" + journey)).isEqualTo(HttpStatus.OK);
        assertThat(status(as(VIEWER), "/v3/api-docs")).isEqualTo(HttpStatus.OK);
        assertThat(status(as(VIEWER), "/actuator/metrics")).isEqualTo(HttpStatus.OK);
        assertThat(post(as(VIEWER), "/api/parked/J-1/retry")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(as(VIEWER), "/api/parked/J-1/discard")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(as(VIEWER), "/api/backlog/digest")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(as(VIEWER), "/api/las/events")).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void an_operator_gets_past_the_door_of_the_failure_desk_writes() {
        assertThat(post(as(OPERATOR), "/api/parked/J-1/retry"))
                .isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        assertThat(post(as(OPERATOR), "/api/backlog/digest"))
                .isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        String journey = publishAndGetJourney(TestEvents.registered(TestEvents.client(TestEvents.unique("LAS"))));
        assertThat(status(as(OPERATOR), "/api/journeys/" + journey)).isEqualTo(HttpStatus.OK);
    }

    @Test
    void las_may_only_publish_events() {
        assertThat(status(as(LAS), "/api/parked")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(as(LAS), "/api/journeys?clientId=X")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(as(LAS), "/actuator/hawtio/")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(as(LAS), "/actuator/jolokia/version")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(as(OPERATOR), "/api/las/events")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(VIEWER).post().uri(baseUrl() + "/services/las-events").contentType(MediaType.TEXT_XML)
                .body("<x/>").retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void over_jolokia_a_viewer_looks_at_the_parked_queue_and_only_an_operator_retries_it() {
        String journey = parkOne();
        String queue = parkedQueueMBean();

        Map<?, ?> count = jolokia(as(VIEWER), Map.of("type", "read", "mbean", queue, "attribute", "MessageCount"));
        assertThat(count.get("status")).isEqualTo(200);
        assertThat(((Number) count.get("value")).longValue()).isGreaterThanOrEqualTo(1);
        Map<?, ?> counted = jolokia(as(VIEWER), Map.of("type", "exec", "mbean", queue, "operation", "countMessages()"));
        assertThat(counted.get("status")).isEqualTo(200);

        Map<?, ?> refused = jolokia(as(VIEWER), Map.of("type", "exec", "mbean", queue, "operation", "retryMessages()"));
        assertThat(refused.get("status")).isEqualTo(403);
        assertThat((String) refused.get("error")).contains("retryMessages").contains("operator");
        Map<?, ?> refusedByGet = as(VIEWER).get()
                .uri(URI.create(baseUrl() + "/actuator/jolokia/exec/" + pathEncoded(queue) + "/removeMessages(java.lang.String)/"))
                .retrieve().body(Map.class);
        assertThat(refusedByGet.get("status")).isEqualTo(403);
        List<?> refusedInBulk = as(VIEWER).post().uri(baseUrl() + "/actuator/jolokia").contentType(MediaType.APPLICATION_JSON)
                .body(List.of(Map.of("type", "read", "mbean", queue, "attribute", "MessageCount"),
                        Map.of("type", "EXEC", "mbean", queue, "operation", "moveMessages(java.lang.String,java.lang.String)",
                                "arguments", List.of("", LAS_QUEUE))))
                .retrieve().body(List.class);
        assertThat(refusedInBulk).allSatisfy(answer -> assertThat(((Map<?, ?>) answer).get("status")).isEqualTo(403));
        assertThat(parkedJourney(journey)).as("still parked after the viewer's attempts").hasSize(1);

        Map<?, ?> retried = jolokia(as(OPERATOR), Map.of("type", "exec", "mbean", queue, "operation", "retryMessages()"));
        assertThat(retried.get("status")).isEqualTo(200);
        assertThat(((Number) retried.get("value")).longValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void hawtio_signs_an_operator_in_through_the_sign_in_form_and_its_jolokia_works_in_that_session() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> console = browser.get("/actuator/hawtio/");
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        HttpResponse<String> form = browser.get("/login");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(browser.signIn(form.body(), OPERATOR, "wrong").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        HttpResponse<String> signedIn = browser.signIn(browser.get("/login").body(), OPERATOR, password(OPERATOR));
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/actuator/hawtio/"));

        assertThat(browser.get("/actuator/hawtio/").statusCode()).isEqualTo(200);
        HttpResponse<String> user = browser.get("/actuator/hawtio/user");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains(OPERATOR);

        String camel = "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}";
        HttpResponse<String> routes = browser.post("/actuator/hawtio/jolokia/", camel, true);
        assertThat(routes.statusCode()).isEqualTo(200);
        assertThat(routes.body()).contains("\"status\":200").contains("las-events");
        assertThat(browser.post("/actuator/hawtio/jolokia/", camel, false).statusCode())
                .as("a POST in the session without the CSRF token").isEqualTo(403);
    }

    @Test
    void hawtio_refuses_a_las_system_user() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> signedIn = browser.signIn(browser.get("/login").body(), LAS, password(LAS));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(browser.get("/actuator/hawtio/").statusCode()).isEqualTo(403);
    }

    private String parkOne() {
        Client client = TestEvents.client(TestEvents.unique("LAS"));
        CareLine line = new TestEvents(reference).goodCareLine(client.lasPersonId(), "HOMECARE", LocalDate.now().minusDays(2));
        publishAndGetJourney(TestEvents.registered(client));
        String journey = publishAndGetJourney(TestEvents.created(TestEvents.withProvider(line, "PRV-999")));
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedJourney(journey).size() == 1);
        return journey;
    }

    private String parkedQueueMBean() {
        Map<?, ?> found = jolokia(as(VIEWER), Map.of("type", "search", "mbean", queueMBean(LAS_PARKED_QUEUE).toString()));
        assertThat(found.get("status")).isEqualTo(200);
        List<?> names = (List<?>) found.get("value");
        assertThat(names).hasSize(1);
        return (String) names.get(0);
    }

    private Map<?, ?> jolokia(RestClient client, Map<String, ?> request) {
        return client.post().uri(baseUrl() + "/actuator/jolokia").contentType(MediaType.APPLICATION_JSON)
                .body(request).retrieve().body(Map.class);
    }

    private HttpStatusCode status(RestClient client, String path) {
        return client.get().uri(baseUrl() + path).retrieve().toBodilessEntity().getStatusCode();
    }

    private HttpStatusCode post(RestClient client, String path) {
        return client.post().uri(baseUrl() + path).contentType(MediaType.APPLICATION_JSON).body("{\"why\":\"test\"}")
                .retrieve().toBodilessEntity().getStatusCode();
    }

    /** Jolokia path escaping: {@code !} and {@code /} are escaped with {@code !}, then URL encoding. */
    private static String pathEncoded(String mbean) {
        return URLEncoder.encode(mbean.replace("!", "!!").replace("/", "!/"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A person's browser: keeps cookies, does not follow redirects. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String loginPage, String user, String password) throws IOException, InterruptedException {
            Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
            assertThat(csrf.find()).as("CSRF token on the sign-in form").isTrue();
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** POSTs JSON as Hawtio does: with the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header, or without it. */
        HttpResponse<String> post(String path, String json, boolean withCsrfToken) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            if (withCsrfToken) {
                String token = cookies.getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
                        .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
                request.header("X-XSRF-TOKEN", token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
