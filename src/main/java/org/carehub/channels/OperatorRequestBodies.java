package org.carehub.channels;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * Caps what a signed-in person may send to the operator APIs (failure desk, backlog digest, scheduled runs, bank
 * account confirmations): their requests are a few hundred bytes of JSON, so anything over
 * {@link #LIMIT} is answered 413 after reading one byte past it, never read whole into memory.
 */
@Configuration(proxyBeanMethods = false)
class OperatorRequestBodies {

    static final DataSize LIMIT = DataSize.ofMegabytes(1);

    @Bean
    FilterRegistrationBean<BoundedBodyFilter> operatorBodies(ObjectMapper json) {
        long limit = LIMIT.toBytes();
        BoundedBodyFilter filter = new BoundedBodyFilter(limit, limit + 1, (body, request, response, chain) -> {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of("error",
                    "the request body is over " + limit + " bytes, the most an operator request may be"));
        });
        FilterRegistrationBean<BoundedBodyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/parked/*", "/api/backlog/*", "/api/runs/*", "/api/payments/*");
        registration.setName("operatorBodies");
        return registration;
    }
}
