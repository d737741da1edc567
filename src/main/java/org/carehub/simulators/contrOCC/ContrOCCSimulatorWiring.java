package org.carehub.simulators.contrOCC;

import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes the simulator on CXF's servlet ({@code cxf.path}, default /services) behind its gate. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnContrOCCSimulator
class ContrOCCSimulatorWiring {

    /** Under the CXF servlet: http://host:port/services/contrOCC-sim. */
    static final String ENDPOINT_PATH = "/contrOCC-sim";

    @Bean
    EndpointImpl contrOCCSimulatorEndpoint(Bus bus, ContrOCCSimulator simulator) {
        EndpointImpl endpoint = new EndpointImpl(bus, simulator);
        // Requests are checked against the contract's schema (lengths, required fields) as ContrOCC would.
        endpoint.setProperties(Map.of("schema-validation-enabled", "IN"));
        endpoint.publish(ENDPOINT_PATH);
        return endpoint;
    }

    @Bean
    FilterRegistrationBean<ContrOCCSimulatorGate> contrOCCSimulatorGate(ContrOCCSimulator simulator,
                                                                         @Value("${cxf.path:/services}") String cxfPath) {
        FilterRegistrationBean<ContrOCCSimulatorGate> registration = new FilterRegistrationBean<>(new ContrOCCSimulatorGate(simulator));
        registration.addUrlPatterns(cxfPath + ENDPOINT_PATH, cxfPath + ENDPOINT_PATH + "/*");
        return registration;
    }
}
