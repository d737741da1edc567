package io.hawt.springboot.security;

import java.lang.reflect.InvocationTargetException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.spi.LoginModule;
import io.hawt.web.auth.AuthenticationConfiguration;
import io.hawt.web.auth.RolePrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Gives Hawtio the roles of the user Spring Security signed in. hawtio-springboot 5.2 switches to its
 * Spring Security mode only when a class of exactly this name is present, but the artifact that ships
 * it (hawtio-springboot-security) is not published on Maven Central, so the hub carries its own (see
 * docs/security.md). It runs after Spring's SecurityContextLoginModule, which put the signed-in
 * {@link Authentication} in the subject; each granted role becomes a Hawtio role principal, which
 * Hawtio checks against {@code hawtio.roles}.
 */
public class HawtioSpringSecurityLoginModule implements LoginModule {

    private static final String ROLE_PREFIX = "ROLE_";

    private Subject subject;
    private Class<? extends Principal> roleClass = RolePrincipal.class;

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        if (options.get(AuthenticationConfiguration.class.getName()) instanceof AuthenticationConfiguration config
                && config.getDefaultRolePrincipalClass() != null) {
            roleClass = config.getDefaultRolePrincipalClass();
        }
    }

    @Override
    public boolean login() {
        return true;
    }

    @Override
    public boolean commit() {
        List<String> roles = subject.getPrincipals(Authentication.class).stream()
                .flatMap(auth -> auth.getAuthorities().stream())
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .toList();
        for (String role : roles) {
            subject.getPrincipals().add(rolePrincipal(role));
        }
        return true;
    }

    @Override
    public boolean abort() {
        return false;
    }

    @Override
    public boolean logout() {
        return subject.getPrincipals().removeIf(principal -> principal.getClass() == roleClass);
    }

    private Principal rolePrincipal(String role) {
        try {
            return roleClass.getConstructor(String.class).newInstance(role);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Hawtio role principal " + roleClass.getName() + " cannot hold role " + role, e);
        }
    }
}
