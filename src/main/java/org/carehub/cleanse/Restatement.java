package org.carehub.cleanse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.carehub.cases.CareLine;
import org.carehub.cases.CareLineElement;
import org.carehub.cases.CaseLookup;
import org.carehub.cases.CaseStore;
import org.carehub.cases.CaseStore.Versioned;
import org.carehub.cases.LasEvent;
import org.carehub.cases.LasEventFlow;
import org.carehub.cases.LasEventType;
import org.carehub.failures.BusinessRuleViolation;
import org.springframework.stereotype.Component;

/**
 * The new version of a care line a bulk cleanse asks for: the line as the case store holds it, changed by its rows
 * (split into priced elements, moved to a new rate, ended), then checked by the very rules a single LAS event meets
 * ({@link LasEventFlow#applyRules}). Reads, never writes.
 */
@Component
public class Restatement {

    private final CaseStore cases;
    private final LasEventFlow lasEvents;

    public Restatement(CaseStore cases, LasEventFlow lasEvents) {
        this.cases = cases;
        this.lasEvents = lasEvents;
    }

    /** One care line's restatement: the new version, or why it fails (the rows' own problem, a CLEANSE_* or LAS rule). */
    public record Result(CareLineRows rows, Versioned<CareLine> restated, BusinessRuleViolation failure) {
    }

    /**
     * The restated care lines with their next versions, the case store read once for the lot.
     *
     * @param eventIds name each change to the rules (a cleanse has no LAS event of its own)
     */
    public List<Result> restate(List<CareLineRows> lines, Function<CareLineRows, String> eventIds) {
        CaseLookup held = cases.snapshot(lines.stream().filter(CareLineRows::readable).map(CareLineRows::cpliId).distinct().toList());
        List<Result> results = new ArrayList<>(lines.size());
        for (CareLineRows rows : lines) {
            try {
                results.add(new Result(rows, restate(rows, eventIds.apply(rows), held), null));
            } catch (BusinessRuleViolation fails) {
                results.add(new Result(rows, null, fails));
            }
        }
        return results;
    }

    private Versioned<CareLine> restate(CareLineRows rows, String eventId, CaseLookup held) {
        if (!rows.readable()) {
            throw rows.problem();
        }
        Versioned<CareLine> stored = held.careLine(rows.cpliId()).orElseThrow(() -> CleanseFile.problem(
                "CLEANSE_CARE_LINE_UNKNOWN", rows.firstRow(), CleanseFile.CPLI_ID, rows.cpliId()));
        CareLine line = stored.value();
        CleanseRow first = rows.rows().get(0);
        CareLine restated;
        CareLine checkedAs;
        LasEventType type = LasEventType.CARE_LINE_CHANGED;
        switch (first.action()) {
            case SPLIT -> {
                restated = withElements(line, rows.rows().stream().map(row -> new CareLineElement(row.elementCode(), row.unit(),
                        row.rate(), row.plannedUnitsPerWeek(), null)).toList());
                checkedAs = restated;
            }
            case MOVE_TO_RATE -> {
                LocalDate from = first.effectiveDate();
                if (from.isBefore(line.startDate()) || (line.endDate() != null && from.isAfter(line.endDate()))) {
                    throw CleanseFile.problem("CLEANSE_DATE_OUTSIDE_LINE", first.row(), CleanseFile.EFFECTIVE_DATE, from,
                            Map.of("startDate", line.startDate(), "endDate", line.endDate() == null ? "open-ended" : line.endDate()));
                }
                restated = withElements(line, movedElements(line, rows.rows()));
                // The new rate is the rate from the effective date: the rules check the line as it stands from then.
                checkedAs = new CareLine(line.cpliId(), line.clientId(), line.serviceCode(), line.providerRef(),
                        line.contractRef(), from, line.endDate(), line.endReason(), restated.elements(), line.nhsFunding());
            }
            case END -> {
                restated = new CareLine(line.cpliId(), line.clientId(), line.serviceCode(), line.providerRef(),
                        line.contractRef(), line.startDate(), first.effectiveDate(), first.endReason(), line.elements(),
                        line.nhsFunding());
                checkedAs = restated;
                type = LasEventType.CARE_LINE_ENDED;
            }
            default -> throw new IllegalStateException("no restatement for " + first.action());
        }
        if (restated.equals(line)) {
            throw CleanseFile.problem("CLEANSE_NO_CHANGE", rows.firstRow(), CleanseFile.ACTION, first.action());
        }
        int version = stored.version() + 1;
        LasEvent event = new LasEvent(eventId, version, type, null, null, checkedAs, null, null);
        lasEvents.requireValid(event);
        lasEvents.applyRules(event, held);
        return new Versioned<>(restated, version);
    }

    /** The line's elements with the rows' new rates; an element moved to a framework rate no longer needs an override. */
    private static List<CareLineElement> movedElements(CareLine line, List<CleanseRow> rows) {
        List<CareLineElement> elements = new ArrayList<>(line.elements());
        for (CleanseRow row : rows) {
            int at = indexOf(elements, row.elementCode());
            if (at < 0) {
                throw CleanseFile.problem("CLEANSE_ELEMENT_NOT_ON_LINE", row.row(), CleanseFile.ELEMENT_CODE,
                        row.elementCode(), Map.of("elements", String.join(", ",
                                line.elements().stream().map(CareLineElement::elementCode).toList())));
            }
            CareLineElement old = elements.get(at);
            elements.set(at, new CareLineElement(old.elementCode(), old.unit(), row.rate(), old.plannedUnitsPerWeek(), null));
        }
        return elements;
    }

    private static int indexOf(List<CareLineElement> elements, String elementCode) {
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).elementCode().equals(elementCode)) {
                return i;
            }
        }
        return -1;
    }

    private static CareLine withElements(CareLine line, List<CareLineElement> elements) {
        return new CareLine(line.cpliId(), line.clientId(), line.serviceCode(), line.providerRef(), line.contractRef(),
                line.startDate(), line.endDate(), line.endReason(), elements, line.nhsFunding());
    }
}
