package org.carehub.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.config.ldap.LdapBindAuthenticationManagerFactory;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;

/**
 * Sign-in against the council's directory: the person's password is checked by binding as them, their
 * groups are read, and each group named in {@code carehub.security.ldap.group-roles} grants its hub
 * roles. Groups not named there grant nothing, so a directory account alone gives no access.
 */
final class HubDirectory {

    static AuthenticationManager signIn(HubDirectoryProperties directory) {
        DefaultSpringSecurityContextSource contextSource = new DefaultSpringSecurityContextSource(directory.url());
        if (directory.managerDn() != null && !directory.managerDn().isBlank()) {
            contextSource.setUserDn(directory.managerDn());
            contextSource.setPassword(directory.managerPassword());
        }
        contextSource.afterPropertiesSet();

        DefaultLdapAuthoritiesPopulator groups = new DefaultLdapAuthoritiesPopulator(contextSource, directory.groupSearchBase());
        groups.setGroupSearchFilter(directory.groupSearchFilter());
        groups.setGroupRoleAttribute("cn");
        groups.setRolePrefix("");
        groups.setConvertToUpperCase(false);
        groups.setSearchSubtree(true);

        LdapBindAuthenticationManagerFactory factory = new LdapBindAuthenticationManagerFactory(contextSource);
        factory.setUserSearchBase(directory.userSearchBase());
        factory.setUserSearchFilter(directory.userSearchFilter());
        factory.setLdapAuthoritiesPopulator(groups);
        factory.setAuthoritiesMapper(rolesOf(directory));
        return factory.createAuthenticationManager();
    }

    /** Directory groups → hub roles (ROLE_viewer, ROLE_operator, ROLE_las). */
    static GrantedAuthoritiesMapper rolesOf(HubDirectoryProperties directory) {
        return (Collection<? extends GrantedAuthority> groupNames) -> {
            Set<GrantedAuthority> roles = groupNames.stream()
                    .flatMap(group -> directory.groupRoles().getOrDefault(group.getAuthority(), List.of()).stream())
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                    .collect(Collectors.toSet());
            return roles;
        };
    }

    private HubDirectory() {
    }
}
