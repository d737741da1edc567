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

    private final Environment environment;
    private final String url;
    private final RestClient http = RestClient.create();

    public ContrOCCPaymentRuns(Environment environment,
                               @Value("${carehub.finance.controcc.payment-runs-url:#{null}}") String url) {
        this.environment = environment;
        // The default is resolved on each call, not here: it names the web server's port, known only once it runs.
        this.url = url == null ? DEFAULT_URL : url;
    }

    /** The references of every authorised run, oldest first. */
    public List<String> authorisedRuns() {
        return call(() -> http.get().uri(address()).retrieve().body(RunRefs.class).runRefs());
    }

    /** One run in full; empty when finance has no run of that reference. */
    public Optional<PaymentRun> run(String runRef) {
        return call(() -> {
            try {
                return Optional.ofNullable(http.get().uri(address() + "/{runRef}", runRef).retrieve().body(PaymentRun.class));
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

    private String address() {
        return environment.resolveRequiredPlaceholders(url);
    }

    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException unreachable) {
            throw new FinanceUnavailableException("ContrOCC's payment run export at " + address() + " could not be reached: "
                    + unreachable.getMessage(), unreachable);
        } catch (RestClientResponseException failed) {
            HttpStatusCode status = failed.getStatusCode();
            throw new FinanceUnavailableException("ContrOCC's payment run export at " + address() + " answered HTTP "
                    + status.value(), failed);
        }
    }
}
