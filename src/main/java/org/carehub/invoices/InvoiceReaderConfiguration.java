package org.carehub.invoices;

import org.carehub.channels.BoundedBodyFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** One invoice reader for the hub: loading the EN 16931 and PEPPOL rule sets takes seconds, so it is done once. */
@Configuration(proxyBeanMethods = false)
class InvoiceReaderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InvoiceReaderConfiguration.class);

    @Bean
    InvoiceRules invoiceRules() {
        return new InvoiceRules();
    }

    @Bean
    InvoiceReader invoiceReader(InvoiceRules rules,
                                @Value("${carehub.invoices.max-bytes:" + InvoiceReader.DEFAULT_MAX_BYTES + "}") int maxBytes,
                                @Value("${carehub.invoices.enforce-peppol:false}") boolean enforcePeppol) {
        return new InvoiceReader(rules, maxBytes, enforcePeppol);
    }

    /** Once the hub is up, the rule sets are compiled in the background: the first invoice is then answered at once. */
    @EventListener(ApplicationReadyEvent.class)
    void compileInvoiceRules(ApplicationReadyEvent ready) {
        InvoiceRules rules = ready.getApplicationContext().getBean(InvoiceRules.class);
        Thread compile = new Thread(() -> {
            long started = System.nanoTime();
            try {
                int run = rules.compileAll();
                log.info("Invoice rules ready: {} rule sets compiled in {} ms", run, (System.nanoTime() - started) / 1_000_000);
            } catch (Exception | LinkageError e) {
                // The first invoice compiles them instead (and reports any fault in its answer).
                log.warn("Invoice rules not compiled ahead of the first invoice: {}", e.toString());
            }
        }, "invoice-rules-compile");
        compile.setDaemon(true);
        compile.start();
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
