package org.carehub.finance;

import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * ContrOCC's co-funded care extract: every service line with NHS funding active in a period, with its client's
 * NHS number and date of death and the actuals paid for it. NHS claims are made from what finance holds, so this
 * (not the hub's copy of LAS) is what the claims read. Finance out of reach throws {@link FinanceUnavailableException}.
 */
@Component
public class ContrOCCCoFundedCare {

    /** The simulator's extract in this process, on whatever port the web server got (resolved on use). */
    public static final String DEFAULT_URL = "http://127.0.0.1:${local.server.port:${server.port:8080}}/simulators/contrOCC/co-funded-care";

    private static final ParameterizedTypeReference<List<CoFundedCareLine>> LINES = new ParameterizedTypeReference<>() { };

    private final ContrOCCJsonEndpoint endpoint;

    public ContrOCCCoFundedCare(Environment environment, RestClient.Builder builder, ContrOCCFinanceProperties timeouts,
            @Value("${carehub.nhs-claims.finance-extract-url:}") String url) {
        this.endpoint = new ContrOCCJsonEndpoint(environment, builder, timeouts, url, DEFAULT_URL);
    }

    /** The co-funded lines active on any day from {@code from} to {@code to}, both included. */
    public List<CoFundedCareLine> activeBetween(LocalDate from, LocalDate to) {
        String address = endpoint.address();
        try {
            List<CoFundedCareLine> lines = endpoint.http().get()
                    .uri(address + "?from={from}&to={to}", from, to).retrieve().body(LINES);
            return lines == null ? List.of() : lines;
        } catch (RestClientException e) {
            throw new FinanceUnavailableException("ContrOCC's co-funded care extract at " + address + " failed: " + e.getMessage(), e);
        }
    }
}
