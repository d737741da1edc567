package org.carehub.reference;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reason codes the hub raises itself and the placeholders it fills for each. The catalogue must
 * have every one of them (the hub would fail on a missing code), and their texts may use only these
 * placeholders, so a misspelt {@code {providerRef}} is caught on load rather than shown to staff.
 */
final class HubReasons {

    /** Filled for every reason. */
    static final List<String> ALWAYS_FILLED = List.of("field", "value", "careLineId", "clientId", "journeyId");

    private static final Map<String, List<String>> PLACEHOLDERS = new LinkedHashMap<>();

    static {
        // Care navigation: the care line as commissioned does not fit the contracts, services or rate card.
        raise("UNKNOWN_PROVIDER", "providerRef");
        raise("NO_CONTRACT_FOR_SERVICE", "providerRef", "serviceCode", "date");
        raise("UNKNOWN_SERVICE", "serviceCode");
        raise("UNKNOWN_ELEMENT", "serviceCode", "elementCode");
        raise("RATE_NOT_ON_RATE_CARD", "serviceCode", "elementCode", "rate", "cardRate", "date");
        raise("MISSING_REQUIRED_ELEMENT", "serviceCode", "elementCode");
        raise("END_BEFORE_START", "startDate", "endDate");
        raise("PLANNED_UNITS_INVALID", "elementCode", "value", "max", "unit");
        raise("FINANCE_REJECTED_OVERLAPPING_LINE", "financeMessage");
        // Finance systems: mappings or ContrOCC set-up.
        raise("NO_FINANCE_MAPPING", "serviceCode", "elementCode");
        raise("NO_RATE_CARD_ENTRY", "serviceCode", "elementCode", "date");
        raise("FINANCE_REJECTED_CLOSED_PERIOD", "financeMessage");
        raise("FINANCE_REJECTED_DUPLICATE_REFERENCE", "financeMessage");
        raise("FINANCE_REJECTED_CLIENT_UNKNOWN", "financeMessage");
        raise("FINANCE_REJECTED_OTHER", "financeMessage");
        raise("FINANCE_UNAVAILABLE", "financeMessage", "attempts");
        // Social work: the client record in LAS.
        raise("INVALID_NHS_NUMBER");
        raise("CLIENT_INCOMPLETE_FOR_FINANCE");
        raise("CLIENT_NOT_REGISTERED");
        raise("STARTS_AFTER_DEATH", "startDate", "dateOfDeath");
        raise("RUNS_PAST_DEATH", "endDate", "dateOfDeath");
        // Hub support: messages the hub cannot read or order.
        raise("OUT_OF_ORDER_VERSION", "subject", "version", "latestVersion");
        raise("MALFORMED_XML", "detail");
        raise("XML_DOCTYPE_REFUSED", "detail");
        raise("MALFORMED_JSON", "detail");
        raise("MESSAGE_ENCODING_MISMATCH", "detail");
        raise("INVALID_EVENT", "detail");
        raise("MESSAGE_TOO_LARGE", "limit");
        raise("MALFORMED_CSV_ROW", "fileName", "line", "detail");
        raise("UNREADABLE_FILE", "fileName", "detail");
        raise("HUB_INTERNAL_ERROR", "detail");
        // Provider invoices: the file cannot be taken as an invoice (org.carehub.invoices.InvoiceReasons).
        raise("INVOICE_TOO_LARGE", "fileName", "limit");
        raise("INVOICE_FORMAT_UNKNOWN", "fileName", "detail");
        raise("INVOICE_XML_MALFORMED", "fileName", "detail");
        raise("INVOICE_XML_DOCTYPE_REFUSED", "fileName");
        raise("INVOICE_ENCODING_MISMATCH", "fileName", "detail");
        raise("INVOICE_SCHEMA_INVALID", "fileName", "detail");
        raise("INVOICE_RULE_FAILED", "fileName", "detail");
        raise("INVOICE_CSV_INVALID", "fileName", "detail");
        // Provider invoices by email (org.carehub.invoices.EmailInvoiceIntake).
        raise("INVOICE_UNKNOWN_SENDER", "sender", "subject", "detail");
        raise("INVOICE_PAPER_FORMAT", "fileName", "providerRef", "sender", "detail");
        raise("INVOICE_NO_ATTACHMENT", "subject", "providerRef", "sender", "detail");
        raise("INVOICE_ARCHIVE_REFUSED", "fileName", "providerRef", "sender", "detail");
        raise("INVOICE_TOO_MANY_ATTACHMENTS", "count", "limit", "providerRef", "sender", "detail");
        // NHS claims: a co-funded care line that cannot be claimed (org.carehub.nhsclaims.ClaimableLines).
        raise("NHS_CLAIM_NO_NHS_NUMBER", "nhsBody", "scheme", "month");
        raise("NHS_CLAIM_NO_SHARE", "nhsBody", "scheme", "month");
        raise("NHS_CLAIM_UNKNOWN_BODY", "nhsBody", "scheme", "month");
        raise("NHS_CLAIM_UNKNOWN_SCHEME", "nhsBody", "scheme", "month");
        raise("NHS_CLAIM_SERVICE_NOT_IN_SCHEME", "nhsBody", "scheme", "serviceCode", "month");
        // The date-of-death feed (org.carehub.deaths).
        raise("DEATH_TO_CONFIRM", "source", "forename", "surname", "dateOfBirth", "dateOfDeath", "reference", "detail",
                "candidates");
        raise("DEATH_NOT_RECORDED_IN_LAS", "source", "forename", "surname", "dateOfBirth", "dateOfDeath", "reference");
        raise("DEATH_DATE_DIFFERS_FROM_LAS", "source", "forename", "surname", "dateOfBirth", "dateOfDeath", "reference",
                "lasDateOfDeath");
        raise("DEATH_LINE_STILL_RUNNING", "dateOfDeath", "endDate", "providerRef");
        // Bulk cleanse: the cleanse file (org.carehub.cleanse.CleanseFile, Restatement, BulkCleanse).
        raise("CLEANSE_FILE_TOO_LARGE", "fileName", "limit");
        raise("CLEANSE_ENCODING", "fileName", "row", "detail");
        raise("CLEANSE_MALFORMED_CSV", "fileName", "row", "detail");
        raise("CLEANSE_MISSING_COLUMN", "fileName", "row", "column", "detail");
        raise("CLEANSE_MISSING_VALUE", "row", "column", "action");
        raise("CLEANSE_VALUE_TOO_LONG", "row", "column", "max");
        raise("CLEANSE_BAD_DATE", "row", "column");
        raise("CLEANSE_BAD_AMOUNT", "row", "column");
        raise("CLEANSE_FORMULA_CELL", "row", "column");
        raise("CLEANSE_UNKNOWN_ACTION", "row", "column");
        raise("CLEANSE_MIXED_ACTIONS", "row", "column", "firstRow", "action");
        raise("CLEANSE_DUPLICATE_ROW", "row", "column", "firstRow");
        raise("CLEANSE_ROWS_NOT_CONSECUTIVE", "row", "column");
        raise("CLEANSE_CARE_LINE_UNKNOWN", "row", "column");
        raise("CLEANSE_ELEMENT_NOT_ON_LINE", "row", "column", "elements");
        raise("CLEANSE_DATE_OUTSIDE_LINE", "row", "column", "startDate", "endDate");
        raise("CLEANSE_NO_CHANGE", "row", "column");
    }

    private HubReasons() {
    }

    private static void raise(String code, String... placeholders) {
        PLACEHOLDERS.put(code, List.of(placeholders));
    }

    /** The placeholders the hub fills for a code it raises, always-filled ones included; empty for other codes. */
    static Optional<Set<String>> placeholdersOf(String code) {
        return Optional.ofNullable(PLACEHOLDERS.get(code)).map(own -> {
            Set<String> all = new LinkedHashSet<>(own);
            all.addAll(ALWAYS_FILLED);
            return all;
        });
    }

    /** The codes the hub raises that are not among these. */
    static List<String> missingFrom(Collection<String> catalogued) {
        return PLACEHOLDERS.keySet().stream().filter(code -> !catalogued.contains(code)).toList();
    }
}
