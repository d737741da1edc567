package org.carehub.finance;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.finance.contrOCC.ImportResult;
import org.carehub.finance.contrOCC.ImportStatus;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The hub's way into ContrOCC's deaths interface (JSON over HTTP, apart from the SOAP import service, whose contract
 * it leaves alone): tell finance a client died, so it records the date of death and ends the lines running past it,
 * and ask what finance paid for, or still runs, after a date of death. Rejections and outages are reported as the
 * import adapter reports them: {@link BusinessRuleViolation} {@code FINANCE_REJECTED_*}, {@link FinanceUnavailableException}.
 */
@Component
public class ContrOCCDeaths {

    /** The simulator's deaths interface published by this process. */
    public static final String DEFAULT_URL =
            "http://127.0.0.1:${local.server.port:${server.port:8080}}${carehub.simulators.controcc.path:/simulators/contrOCC}/deaths";

    private final ContrOCCJsonEndpoint endpoint;

    public ContrOCCDeaths(Environment environment, RestClient.Builder builder, ContrOCCFinanceProperties timeouts) {
        this.endpoint = new ContrOCCJsonEndpoint(environment, builder, timeouts,
                environment.getProperty("carehub.deaths.finance-url"), DEFAULT_URL);
    }

    /**
     * Records the date of death in finance and ends the client's lines running past it, once per import reference.
     *
     * @throws BusinessRuleViolation FINANCE_REJECTED_* when finance refuses (client unknown, another date held)
     */
    public DeathImportResult recordDeath(String personRef, LocalDate dateOfDeath, String importReference) {
        DeathImportResult answer = call(c -> c.post().uri(endpoint.address()).body(new DeathImport(importReference, personRef, dateOfDeath))
                .retrieve().body(DeathImportResult.class));
        ImportResult result = answer.result();
        if (result.getStatus() == ImportStatus.REJECTED) {
            throw ContrOCCAdapter.rejection(result);
        }
        return answer;
    }

    /** What finance holds as paid to providers for the client, for periods ending after the day. */
    public List<FinanceActual> actualsEndingAfter(String personRef, LocalDate day) {
        return call(c -> c.get().uri(endpoint.address() + "/{personRef}/actuals?after={day}", personRef, day)
                .retrieve().body(new ParameterizedTypeReference<List<FinanceActual>>() { }));
    }

    /** The client's service lines finance still runs after the day. */
    public List<FinanceServiceLine> linesRunningAfter(String personRef, LocalDate day) {
        return call(c -> c.get().uri(endpoint.address() + "/{personRef}/running-lines?after={day}", personRef, day)
                .retrieve().body(new ParameterizedTypeReference<List<FinanceServiceLine>>() { }));
    }

    private <T> T call(Function<RestClient, T> request) {
        String url = endpoint.address();
        try {
            return request.apply(endpoint.http());
        } catch (ResourceAccessException e) {
            throw new FinanceUnavailableException("ContrOCC deaths interface at " + url + " could not be reached: "
                    + e.getMessage(), e);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().is5xxServerError()) {
                throw new FinanceUnavailableException("ContrOCC deaths interface at " + url + " answered HTTP "
                        + e.getStatusCode().value(), e);
            }
            throw new IllegalStateException("ContrOCC deaths interface at " + url + " refused the hub's request: HTTP "
                    + e.getStatusCode().value() + " " + e.getResponseBodyAsString(), e);
        }
    }
}
