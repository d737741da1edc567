package org.carehub.cases;

import jakarta.validation.Validator;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.carehub.channels.BoundedBodyFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the LAS doors: publishes the SOAP endpoint on the CXF servlet ({@code /services/las-events}) and
 * puts a bounded body reader in front of it and of the REST API ({@code /api/las/*}).
 */
@Configuration(proxyBeanMethods = false)
class LasChannelsConfiguration {

    static final String SOAP_ADDRESS = "/las-events";

    @Bean(destroyMethod = "stop")
    EndpointImpl lasEventsSoapEndpoint(Bus bus, LasIntake intake, Validator validator, LasSoapRefusals refusals) {
        EndpointImpl endpoint = new EndpointImpl(bus, new LasEventsSoapEndpoint(intake, validator, refusals));
        endpoint.setWsdlLocation(LasEventsSoapEndpoint.WSDL);
        endpoint.setProperties(Map.of("schema-validation-enabled", "true"));
        endpoint.getInInterceptors().add(refusals.tooLargeGuard());
        endpoint.getInInterceptors().add(refusals.mislabelledTextGuard());
        endpoint.getOutFaultInterceptors().add(refusals.refusalFaults());
        endpoint.publish(SOAP_ADDRESS);
        return endpoint;
    }

    @Bean
    FilterRegistrationBean<BoundedBodyFilter> lasSoapBodies(LasChannelProperties settings,
                                                            @Value("${cxf.path:/services}") String cxfPath) {
        // Over the limit, CXF still gets the request (with an empty body) so that it writes the
        // EventRefused fault itself: see LasSoapRefusals.tooLargeGuard.
        BoundedBodyFilter filter = new BoundedBodyFilter(settings.maxMessageBytes().toBytes(),
                (body, request, response, chain) -> chain.doFilter(request, response));
        FilterRegistrationBean<BoundedBodyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(cxfPath + SOAP_ADDRESS, cxfPath + SOAP_ADDRESS + "/*");
        registration.setName("lasSoapBodies");
        return registration;
    }

    @Bean
    FilterRegistrationBean<BoundedBodyFilter> lasRestBodies(LasChannelProperties settings, LasRestRefusals refusals) {
        BoundedBodyFilter filter = new BoundedBodyFilter(settings.maxMessageBytes().toBytes(), refusals::tooLarge);
        FilterRegistrationBean<BoundedBodyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/las/*");
        registration.setName("lasRestBodies");
        return registration;
    }
}
