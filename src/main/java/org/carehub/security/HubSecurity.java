package org.carehub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.carehub.reference.ReferenceData;
import org.carehub.reference.SftpAccount;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what in the hub (docs/security.md). Two doors with the same rules:
 * <ul>
 * <li>scripts, tests and LAS send HTTP Basic credentials on every call: stateless, no session, no cookie;</li>
 * <li>people use the browser: Spring's sign-in form, then a session cookie (Hawtio, the failure desk).</li>
 * </ul>
 * Roles: {@code viewer} reads, {@code operator} is a viewer who may also change things (retry, move,
 * discard, resubmit), {@code las} may only publish LAS events.
 */
@Configuration(proxyBeanMethods = false)
public class HubSecurity {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String LAS = "las";
    /** A care provider submitting invoices (its SFTP account, mappings/provider-sftp-accounts.csv). */
    public static final String PROVIDER = "provider";

    /** Where the Jolokia endpoint answers (Hawtio's /actuator/hawtio/jolokia is forwarded there). */
    static final String JOLOKIA = "/actuator/jolokia";

    /** An operator can do everything a viewer can, whatever the directory says. */
    @Bean
    static RoleHierarchy hubRoleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role(OPERATOR).implies(VIEWER).build();
    }

    /**
     * Who may sign in: providers with their SFTP account; staff and systems through the council's directory when
     * carehub.security.ldap.url is set, else the users in config/.
     */
    @Bean
    AuthenticationManager hubSignIn(HubUsersProperties users, HubDirectoryProperties directory, ReferenceData reference) {
        AuthenticationManager staff = directory.configured() ? HubDirectory.signIn(directory) : configUsers(users);
        return new ProviderManager(List.of(providerAccounts(reference)), staff);
    }

    /**
     * Looked up at each sign-in, so an account added, changed or removed in mappings/ counts after the reload. A name
     * that is no provider's is passed on to the staff sign-in untouched: checking it here would cost Spring's dummy
     * password check against user enumeration (a bcrypt of cost 10, ~0.1 s of CPU) on every LAS and staff call, and
     * the staff sign-in makes that check itself for a name it does not know either.
     */
    private static AuthenticationProvider providerAccounts(ReferenceData reference) {
        UserDetailsService accounts = username -> passwordAccount(reference, username)
                .map(account -> User.withUsername(account.username()).password(account.passwordHash()).roles(PROVIDER).build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(
                PasswordEncoderFactories.createDelegatingPasswordEncoder());
        provider.setUserDetailsService(accounts);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication signIn) {
                // null: not a provider's name; ProviderManager asks the staff sign-in next.
                return passwordAccount(reference, signIn.getName()).isPresent() ? provider.authenticate(signIn) : null;
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return provider.supports(authentication);
            }
        };
    }

    private static Optional<SftpAccount> passwordAccount(ReferenceData reference, String username) {
        return reference.sftpAccount(username)
                .filter(account -> account.passwordHash() != null && !account.passwordHash().isBlank());
    }

    private static AuthenticationManager configUsers(HubUsersProperties properties) {
        UserDetailsService users = new InMemoryUserDetailsManager(properties.users().stream()
                .map(u -> User.withUsername(u.username()).password(u.password())
                        .roles(u.roles().toArray(String[]::new)).build())
                .toList());
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(
                PasswordEncoderFactories.createDelegatingPasswordEncoder());
        provider.setUserDetailsService(users);
        return new ProviderManager(provider);
    }

    /** Calls that carry their own credentials: checked on every call, nothing remembered between calls. */
    @Bean
    @Order(1)
    SecurityFilterChain basicAuthCalls(HttpSecurity http, AuthenticationManager users) throws Exception {
        http.securityMatcher(request -> request.getHeader("Authorization") != null)
                .authenticationManager(users)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No session and no cookie: a forged cross-site request has no credentials to ride on.
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.realmName("carehub"));
        return accessRules(http).build();
    }

    /**
     * People in a browser: the sign-in form (also Hawtio's sign-in, hawtio-springboot runs in its Spring
     * Security mode) and a session. The session cookie rides along on any request, so state-changing
     * requests must carry the CSRF token: Spring puts it in the XSRF-TOKEN cookie and Hawtio sends it back
     * as the X-XSRF-TOKEN header on its Jolokia calls.
     */
    @Bean
    @Order(2)
    SecurityFilterChain browserSessions(HttpSecurity http, AuthenticationManager users) throws Exception {
        http.authenticationManager(users)
                .formLogin(form -> form.defaultSuccessUrl("/actuator/hawtio/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // Calls from code get a 401 to act on; pages send the person to the sign-in form.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), callsFromCode()))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        // Hawtio sends the raw cookie value in the header, not the masked form.
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        // A request without a session has no sign-in to ride on: it is refused as not signed in
                        // (401), not as forged. The sign-in form itself always needs the token.
                        .ignoringRequestMatchers(request -> request.getRequestedSessionId() == null
                                && !"/login".equals(request.getServletPath()))
                        // The ContrOCC simulator stands in for a system we do not own; the hub's adapter calls it
                        // without a session, as it would call ContrOCC.
                        .ignoringRequestMatchers(simulators()))
                .addFilterAfter(new CsrfCookieIssuer(), BasicAuthenticationFilter.class);
        return accessRules(http).build();
    }

    /** The same rules for both doors. */
    private static HttpSecurity accessRules(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth
                // Forwards and error pages were authorised on their way in.
                .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                .requestMatchers(simulators()).permitAll()
                .requestMatchers(HttpMethod.POST, "/api/las/events").hasRole(LAS)
                .requestMatchers("/services/las-events", "/services/las-events/**").hasRole(LAS)
                .requestMatchers(HttpMethod.POST, "/api/providers/*/invoices").hasRole(PROVIDER)
                .requestMatchers(HttpMethod.GET, "/api/**").hasRole(VIEWER)
                // Every other call on the API changes something: retry, resubmit, discard, digest.
                .requestMatchers("/api/**").hasRole(OPERATOR)
                // Writes through Jolokia are told apart from reads by JolokiaAccess.
                .requestMatchers(JOLOKIA, JOLOKIA + "/**", "/actuator/hawtio", "/actuator/hawtio/**").hasRole(VIEWER)
                // Metrics name flows and reasons, never people; a scraper signs in like anyone else.
                .requestMatchers("/actuator/**").hasRole(VIEWER)
                // Anything else, the OpenAPI docs (/v3/api-docs, /swagger-ui) included: any signed-in user.
                .anyRequest().authenticated());
    }

    /** The in-hub ContrOCC simulator (only present when it is on): open, as the system it stands in for is to the hub. */
    private static RequestMatcher simulators() {
        return new OrRequestMatcher(
                new AntPathRequestMatcher("/services/contrOCC-sim"),
                new AntPathRequestMatcher("/services/contrOCC-sim/**"),
                new AntPathRequestMatcher("/simulators/**"));
    }

    private static RequestMatcher callsFromCode() {
        return new OrRequestMatcher(
                new AntPathRequestMatcher("/api/**"),
                new AntPathRequestMatcher("/services/**"),
                new AntPathRequestMatcher(JOLOKIA + "/**"),
                new AntPathRequestMatcher("/actuator/hawtio/jolokia/**"),
                new AntPathRequestMatcher("/v3/api-docs/**"),
                request -> "XMLHttpRequest".equals(request.getHeader("X-Requested-With")));
    }

    /** Refuses Jolokia writes and operations to anyone but an operator, for direct and Hawtio-forwarded calls. */
    @Bean
    FilterRegistrationBean<JolokiaAccess> jolokiaAccess(ObjectProvider<ObjectMapper> json) {
        FilterRegistrationBean<JolokiaAccess> registration = new FilterRegistrationBean<>(new JolokiaAccess(JOLOKIA,
                json.getIfAvailable(ObjectMapper::new)));
        registration.addUrlPatterns(JOLOKIA, JOLOKIA + "/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD);
        // After Spring Security's filter (order -100), which has signed the caller in.
        registration.setOrder(0);
        return registration;
    }

    /** Makes sure the XSRF-TOKEN cookie is written, so a browser page (Hawtio) has the token before its first POST. */
    private static final class CsrfCookieIssuer extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
