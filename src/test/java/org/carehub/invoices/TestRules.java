package org.carehub.invoices;

/** One set of loaded rule sets for all invoice tests in the JVM: loading them takes seconds. */
final class TestRules {

    static final InvoiceRules RULES = new InvoiceRules();

    private TestRules() {
    }
}
