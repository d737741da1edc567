package org.carehub.simulators.contrOCC;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sits in front of the simulator's SOAP endpoint: answers HTTP 503 while the simulator is switched
 * off and holds each call for the configured delay, before CXF reads the request (so no state is touched).
 */
class ContrOCCSimulatorGate extends OncePerRequestFilter {

    private final ContrOCCSimulator simulator;

    ContrOCCSimulatorGate(ContrOCCSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!simulator.isAvailable()) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "ContrOCC simulator is switched off");
            return;
        }
        long delay = simulator.delayMillis();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "ContrOCC simulator was interrupted");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
