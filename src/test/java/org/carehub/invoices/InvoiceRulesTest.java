package org.carehub.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvoiceRulesTest {

    @Test
    void every_rule_set_of_both_document_kinds_is_compiled_ahead_on_an_empty_document() throws Exception {
        assertThat(TestRules.RULES.compileAll()).as("schema, EN 16931 and PEPPOL for invoice and credit note").isEqualTo(6);
    }
}
