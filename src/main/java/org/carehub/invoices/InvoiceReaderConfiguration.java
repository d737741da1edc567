package org.carehub.invoices;

import org.carehub.channels.BoundedBodyFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One invoice reader for the hub: loading the EN 16931 and PEPPOL rule sets takes seconds, so it is done once. */
@Configuration(proxyBeanMethods = false)
class InvoiceReaderConfiguration {

    @Bean
    InvoiceReader invoiceReader(@Value("${carehub.invoices.max-bytes:" + InvoiceReader.DEFAULT_MAX_BYTES + "}") int maxBytes,
                                @Value("${carehub.invoices.enforce-peppol:false}") boolean enforcePeppol) {
        return new InvoiceReader(new InvoiceRules(), maxBytes, enforcePeppol);
    }

    /**
     * The REST door's body, read before the controller sees it and never more than the size limit and one byte: a
     * body over the limit is refused by the controller (after its sign-in check) from what was read.
     */
    @Bean
    FilterRegistrationBean<BoundedBodyFilter> providerInvoiceBodies(
            @Value("${carehub.invoices.max-bytes:" + InvoiceReader.DEFAULT_MAX_BYTES + "}") int maxBytes) {
        BoundedBodyFilter filter = new BoundedBodyFilter(maxBytes, maxBytes + 1L,
                (body, request, response, chain) -> chain.doFilter(request, response));
        FilterRegistrationBean<BoundedBodyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/providers/*");
        registration.setName("providerInvoiceBodies");
        return registration;
    }
}
