package org.carehub.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columns of the LAS CSV extract template (docs/las-csv-extract.md), each with the field of the
 * event it fills, so a refusal names the column a person sees in the file. Element columns are the ones
 * that differ between the rows of a care line with several elements.
 */
enum LasCsvColumn {
    EVENT_ID("event_id", false, "eventId"),
    VERSION("version", false, "version"),
    EVENT_TYPE("event_type", false, "type"),
    LAS_PERSON_ID("las_person_id", false, "client.lasPersonId", "careLine.clientId", "death.lasPersonId",
            "assessmentReferral.lasPersonId"),
    NHS_NUMBER("nhs_number", false, "client.nhsNumber"),
    FORENAME("forename", false, "client.forename"),
    SURNAME("surname", false, "client.surname"),
    DATE_OF_BIRTH("date_of_birth", false, "client.dateOfBirth"),
    ADDRESS_LINE1("address_line1", false, "client.address.line1"),
    TOWN("town", false, "client.address.town"),
    POSTCODE("postcode", false, "client.address.postcode"),
    CHARGEABLE("chargeable", false, "client.chargeable"),
    DATE_OF_DEATH("date_of_death", false, "client.dateOfDeath", "death.dateOfDeath"),
    CPLI_ID("cpli_id", false, "careLine.cpliId"),
    SERVICE_CODE("service_code", false, "careLine.serviceCode"),
    PROVIDER_REF("provider_ref", false, "careLine.providerRef"),
    CONTRACT_REF("contract_ref", false, "careLine.contractRef"),
    START_DATE("start_date", false, "careLine.startDate"),
    END_DATE("end_date", false, "careLine.endDate"),
    END_REASON("end_reason", false, "careLine.endReason"),
    ELEMENT_CODE("element_code", true, "careLine.elements.elementCode"),
    UNIT("unit", true, "careLine.elements.unit"),
    RATE("rate", true, "careLine.elements.rate"),
    PLANNED_UNITS_PER_WEEK("planned_units_per_week", true, "careLine.elements.plannedUnitsPerWeek"),
    OVERRIDE_AUTHORISED_BY("override_authorised_by", true, "careLine.elements.rateOverride.authorisedBy"),
    OVERRIDE_REASON("override_reason", true, "careLine.elements.rateOverride.reason"),
    OVERRIDE_DATE("override_date", true, "careLine.elements.rateOverride.authorisedOn"),
    NHS_SCHEME("nhs_scheme", false, "careLine.nhsFunding.scheme"),
    NHS_BODY("nhs_body", false, "careLine.nhsFunding.nhsBody"),
    NHS_SHARE_PERCENT("nhs_share_percent", false, "careLine.nhsFunding.sharePercent"),
    REFERRAL_REASON("referral_reason", false, "assessmentReferral.reason");

    /** Columns every extract must have; the others may be left out of the header. */
    static final List<LasCsvColumn> REQUIRED = List.of(EVENT_ID, VERSION, EVENT_TYPE, LAS_PERSON_ID);

    final String header;
    /** Differs between the rows of one care line; every other column repeats on each row. */
    final boolean element;
    private final List<String> fields;

    LasCsvColumn(String header, boolean element, String... fields) {
        this.header = header;
        this.element = element;
        this.fields = List.of(fields);
    }

    static Optional<LasCsvColumn> byHeader(String header) {
        return Arrays.stream(values()).filter(c -> c.header.equals(header)).findFirst();
    }

    /** The column that fills a field, from a Bean Validation path such as {@code careLine.elements[1].rate}. */
    static Optional<LasCsvColumn> forField(String path) {
        String field = path.replaceAll("\\[\\d+]", "");
        return Arrays.stream(values()).filter(c -> c.fields.contains(field)).findFirst();
    }
}
