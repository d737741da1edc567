package org.carehub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.carehub.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The hub signing people in against a council directory: an in-memory LDAP server (UnboundID, started by
 * Spring Boot's spring.ldap.embedded) with people in groups, and config mapping groups to hub roles.
 */
class HubDirectorySignInTest extends HubTest {

    private static final int LDAP_PORT = freePort();

    @DynamicPropertySource
    static void councilDirectory(DynamicPropertyRegistry registry) {
        registry.add("spring.ldap.embedded.base-dn", () -> "dc=council,dc=local");
        registry.add("spring.ldap.embedded.ldif", () -> "classpath:org/carehub/security/council-directory.ldif");
        registry.add("spring.ldap.embedded.port", () -> LDAP_PORT);
        registry.add("carehub.security.ldap.url", () -> "ldap://127.0.0.1:" + LDAP_PORT + "/dc=council,dc=local");
        registry.add("carehub.security.ldap.user-search-base", () -> "ou=people");
        registry.add("carehub.security.ldap.group-search-base", () -> "ou=groups");
        registry.add("carehub.security.ldap.group-roles.hub-support[0]", () -> "operator");
        registry.add("carehub.security.ldap.group-roles.care-finance[0]", () -> "viewer");
    }

    @Test
    void directory_groups_decide_the_hub_roles() {
        RestClient pat = person("pat.support", "pat-directory-pass");
        RestClient sam = person("sam.finance", "sam-directory-pass");
        RestClient kim = person("kim.housing", "kim-directory-pass");

        // hub-support → operator, who is also a viewer
        assertThat(post(pat, "/api/parked/J-1/retry")).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        assertThat(get(pat, "/api/journeys/J-1")).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        // care-finance → viewer
        assertThat(get(sam, "/api/journeys/J-1")).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
        assertThat(post(sam, "/api/parked/J-1/retry")).isEqualTo(HttpStatus.FORBIDDEN);
        // a directory account in no mapped group signs in but may do nothing
        assertThat(get(kim, "/api/journeys/J-1")).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void wrong_directory_passwords_and_the_config_demo_users_are_refused() {
        assertThat(get(person("pat.support", "guess"), "/api/journeys/J-1")).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(as(OPERATOR), "/api/journeys/J-1")).as("config users give way to the directory")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static RestClient person(String user, String password) {
        return RestClient.builder().defaultHeaders(h -> h.setBasicAuth(user, password))
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    private HttpStatusCode get(RestClient client, String path) {
        return client.get().uri(baseUrl() + path).retrieve().toBodilessEntity().getStatusCode();
    }

    private HttpStatusCode post(RestClient client, String path) {
        return client.post().uri(baseUrl() + path).contentType(MediaType.APPLICATION_JSON).body("{\"why\":\"test\"}")
                .retrieve().toBodilessEntity().getStatusCode();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
