package org.carehub.invoices;

import org.springframework.beans.factory.annotation.Value;
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
}
