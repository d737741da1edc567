package org.carehub.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/** Sign-in for the hub's console, REST and Jolokia; users and roles come from config/. */
@Configuration(proxyBeanMethods = false)
public class HubSecurity {

    @Bean
    UserDetailsService hubUsers(HubUsersProperties properties) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(u -> User.withUsername(u.username()).password(u.password())
                        .roles(u.roles().toArray(String[]::new)).build())
                .toList());
    }

    @Bean
    SecurityFilterChain hubSecurityFilterChain(HttpSecurity http) throws Exception {
        // Foundation: who is calling is known when credentials are sent; access rules come with the failure desk.
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .httpBasic(basic -> { })
                .build();
    }
}
