package org.carehub.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hub's own users, from {@code config/} (carehub.security.users). A council replaces these with
 * its directory (see docs/security.md); the default run ships demo users only.
 *
 * @param users who may sign in, with a password in Spring's {id}encoded form and the hub roles they hold
 */
@ConfigurationProperties("carehub.security")
public record HubUsersProperties(List<HubUser> users) {

    public HubUsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record HubUser(String username, String password, List<String> roles) {
        public HubUser {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
