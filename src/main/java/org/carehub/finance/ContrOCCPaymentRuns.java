package org.carehub.finance;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * ContrOCC's payment run export: the authorised runs accounts payable is to pay. It is an export, not an import,
 * so it is read over ContrOCC's HTTP export ({@code carehub.finance.contrOCC.payment-runs-url}) rather than the
 * SOAP import service the {@link ContrOCCAdapter} sends care lines to. Finance out of reach throws
 * {@link FinanceUnavailableException}, as the adapter does.
 */
@Component
public class ContrOCCPaymentRuns {

    static final String DEFAULT_URL = "http://127.0.0.1:${local.server.port:${server.port:8080}}/simulators/contrOCC/payment-runs";

    private final ContrOCCJsonEndpoint endpoint;

    public ContrOCCPaymentRuns(Environment environment, RestClient.Builder builder, ContrOCCFinanceProperties timeouts,
                               @Value("${carehub.finance.controcc.payment-runs-url:#{null}}") String url) {
        this.endpoint = new ContrOCCJsonEndpoint(environment, builder, timeouts, url, DEFAULT_URL);
    }

    /** The references of every authorised run, oldest first. */
    public List<String> authorisedRuns() {
        return call(() -> endpoint.http().get().uri(endpoint.address()).retrieve().body(RunRefs.class).runRefs());
    }

    /** One run in full; empty when finance has no run of that reference. */
    public Optional<PaymentRun> run(String runRef) {
        return call(() -> {
            try {
                return Optional.ofNullable(endpoint.http().get().uri(endpoint.address() + "/{runRef}", runRef).retrieve()
                        .body(PaymentRun.class));
            } catch (RestClientResponseException answered) {
                if (answered.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                    return Optional.empty();
                }
                throw answered;
            }
        });
    }

    /** The export's list answer. */
    public record RunRefs(List<String> runRefs) {
    }

    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException unreachable) {
            throw new FinanceUnavailableException("ContrOCC's payment run export at " + endpoint.address() + " could not be reached: "
                    + unreachable.getMessage(), unreachable);
        } catch (RestClientResponseException failed) {
            HttpStatusCode status = failed.getStatusCode();
            throw new FinanceUnavailableException("ContrOCC's payment run export at " + endpoint.address() + " answered HTTP "
                    + status.value(), failed);
        }
    }
}
