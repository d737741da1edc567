package org.carehub.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The council's directory (LDAP or Active Directory over LDAP). When {@code url} is set, people sign in
 * with their directory account and their directory groups decide their hub roles; the users in
 * {@code carehub.security.users} are then not used. Settings are explained in docs/security.md.
 *
 * @param url               e.g. {@code ldaps://dc1.council.local:636/dc=council,dc=local}; empty = users from config/
 * @param managerDn         account the hub searches the directory with (empty: anonymous search)
 * @param managerPassword   its password
 * @param userSearchBase    where people are, relative to the url's base, e.g. {@code ou=people}
 * @param userSearchFilter  how a sign-in name finds a person, e.g. {@code (uid={0})} or {@code (sAMAccountName={0})}
 * @param groupSearchBase   where groups are, e.g. {@code ou=groups}
 * @param groupSearchFilter how a person's groups are found, {@code {0}} is the person's DN
 * @param groupRoles        directory group name (its cn) → the hub roles it grants
 */
@ConfigurationProperties("carehub.security.ldap")
public record HubDirectoryProperties(
        String url,
        String managerDn,
        String managerPassword,
        @DefaultValue("") String userSearchBase,
        @DefaultValue("(uid={0})") String userSearchFilter,
        @DefaultValue("") String groupSearchBase,
        @DefaultValue("(member={0})") String groupSearchFilter,
        Map<String, List<String>> groupRoles) {

    public HubDirectoryProperties {
        groupRoles = groupRoles == null ? Map.of() : Map.copyOf(groupRoles);
    }

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
