package org.carehub.cases;

import static org.carehub.cases.LasCsvColumn.*;

import jakarta.validation.ConstraintViolation;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carehub.cases.LasCsvRow.RowProblem;

/**
 * The consecutive rows of one event in a LAS CSV extract: one row, or one per element for a care line
 * with several elements (the care line's own columns repeated on each row).
 *
 * @param text the rows exactly as written in the file, parked if the event cannot be read
 */
record LasCsvGroup(List<LasCsvRow> rows, String text) {

    private static final Pattern ELEMENT_INDEX = Pattern.compile("^careLine\\.elements\\[(\\d+)]");

    /** The event these rows describe; throws {@link RowProblem} for the first value that cannot be read. */
    LasEvent toEvent() {
        LasCsvRow first = rows.get(0);
        LasEventType type = first.eventType();
        if (rows.size() > 1) {
            requireCareLineRepeated(type);
        }
        String person = first.text(LAS_PERSON_ID);
        return new LasEvent(first.text(EVENT_ID), first.integer(VERSION), type, null,
                type.isClientEvent() ? client(first) : null,
                type.isCareLineEvent() ? careLine(person) : null,
                type == LasEventType.DATE_OF_DEATH_RECORDED ? new DeathRecorded(person, first.date(DATE_OF_DEATH)) : null,
                type == LasEventType.FINANCIAL_ASSESSMENT_REFERRAL
                        ? new AssessmentReferral(person, first.text(REFERRAL_REASON), null) : null);
    }

    /** The first Bean Validation failure, as a problem naming the row and column it came from. */
    Optional<RowProblem> problemOf(Set<ConstraintViolation<LasEvent>> violations) {
        List<RowProblem> problems = violations.stream().map(this::problemOf)
                .sorted(Comparator.comparingInt((RowProblem p) -> p.line).thenComparing(p -> p.column)).toList();
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        RowProblem first = problems.get(0);
        String all = problems.stream().map(RowProblem::detail).collect(Collectors.joining("; "));
        return Optional.of(new RowProblem(first.line, first.column, first.value, all));
    }

    private RowProblem problemOf(ConstraintViolation<LasEvent> violation) {
        String path = violation.getPropertyPath().toString();
        Matcher element = ELEMENT_INDEX.matcher(path);
        LasCsvRow row = element.find() ? rows.get(Integer.parseInt(element.group(1))) : rows.get(0);
        return LasCsvColumn.forField(path)
                .map(column -> row.problem(column, row.text(column), violation.getMessage()))
                .orElseGet(() -> new RowProblem(row.line(), "", "", path + ": " + violation.getMessage()));
    }

    private void requireCareLineRepeated(LasEventType type) {
        LasCsvRow first = rows.get(0);
        if (!type.isCareLineEvent()) {
            LasCsvRow second = rows.get(1);
            throw second.problem(EVENT_ID, second.text(EVENT_ID), "repeats the event id of line " + first.line()
                    + "; only a care line event may take several rows (one per element)");
        }
        for (LasCsvRow row : rows.subList(1, rows.size())) {
            Stream.of(LasCsvColumn.values()).filter(c -> !c.element)
                    .filter(c -> !Objects.equals(row.text(c), first.text(c)))
                    .findFirst()
                    .ifPresent(c -> {
                        throw row.problem(c, row.text(c), "differs from line " + first.line() + " ('"
                                + Objects.toString(first.text(c), "") + "'); every row of a care line repeats its care line columns");
                    });
        }
    }

    private static Client client(LasCsvRow row) {
        Address address = null;
        if (row.text(ADDRESS_LINE1) != null || row.text(TOWN) != null || row.text(POSTCODE) != null) {
            address = new Address(row.text(ADDRESS_LINE1), null, row.text(TOWN), row.text(POSTCODE));
        }
        return new Client(row.text(LAS_PERSON_ID), row.text(NHS_NUMBER), null, row.text(FORENAME), row.text(SURNAME),
                row.date(DATE_OF_BIRTH), address, row.yesNo(CHARGEABLE), row.date(DATE_OF_DEATH));
    }

    private CareLine careLine(String person) {
        LasCsvRow first = rows.get(0);
        NhsFundingShare nhs = null;
        if (first.text(NHS_SCHEME) != null || first.text(NHS_BODY) != null || first.text(NHS_SHARE_PERCENT) != null) {
            nhs = new NhsFundingShare(first.text(NHS_SCHEME), first.text(NHS_BODY), first.decimal(NHS_SHARE_PERCENT));
        }
        return new CareLine(first.text(CPLI_ID), person, first.text(SERVICE_CODE), first.text(PROVIDER_REF),
                first.text(CONTRACT_REF), first.date(START_DATE), first.date(END_DATE), first.text(END_REASON),
                rows.stream().map(LasCsvGroup::element).toList(), nhs);
    }

    private static CareLineElement element(LasCsvRow row) {
        RateOverride override = null;
        if (row.text(OVERRIDE_AUTHORISED_BY) != null || row.text(OVERRIDE_REASON) != null || row.text(OVERRIDE_DATE) != null) {
            override = new RateOverride(row.text(OVERRIDE_AUTHORISED_BY), row.text(OVERRIDE_REASON), row.date(OVERRIDE_DATE));
        }
        return new CareLineElement(row.text(ELEMENT_CODE), row.text(UNIT), row.decimal(RATE),
                row.decimal(PLANNED_UNITS_PER_WEEK), override);
    }
}
