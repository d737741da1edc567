package org.carehub.invoices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehub.cases.CareLine;
import org.carehub.cases.CareLineElement;
import org.carehub.cases.CaseStore;
import org.carehub.cases.Client;
import org.carehub.reference.FailureReason;
import org.carehub.reference.RateCardEntry;
import org.carehub.reference.ReferenceData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The council's checks of each invoice line (issue 5, "Matching and checks, per line"): the line is matched by
 * provider, client, service/element and period to the care line that commissioned it, then its rate, units and
 * dates are checked against that care line, the rate card and the client's date of death.
 * <p>A reason owned by PROVIDER rejects the line back to the provider; a reason owned by a council team parks it
 * for that team, because the provider cannot fix it (docs/decisions.md, "Provider invoices").
 */
@Component
public class InvoiceChecks {

    static final String PROVIDER_TEAM = "PROVIDER";
    static final String NO_CARE_LINE = "INVOICE_NO_CARE_LINE";
    static final String RATE_DIFFERS = "INVOICE_RATE_DIFFERS";
    static final String RATE_CARD_BEHIND = "INVOICE_RATE_CARD_BEHIND";
    static final String UNITS_ABOVE = "INVOICE_UNITS_ABOVE_COMMISSIONED";
    static final String AFTER_DEATH = "INVOICE_AFTER_DATE_OF_DEATH";
    static final String TOTALS_WRONG = "INVOICE_TOTALS_WRONG";
    static final String UNKNOWN_CLIENT = "INVOICE_UNKNOWN_CLIENT";
    static final String LINE_INCOMPLETE = "INVOICE_LINE_INCOMPLETE";
    static final String CREDIT_UNMATCHED = "INVOICE_CREDIT_NOTE_UNMATCHED";

    private static final BigDecimal DAYS_A_WEEK = BigDecimal.valueOf(7);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final CareRecords cases;
    private final ReferenceData reference;

    /** What the checks look up about clients and their care lines: the case store, or a unit test's own. */
    public interface CareRecords {

        Optional<Client> client(String clientId);

        List<CareLine> careLinesOf(String clientId);

        static CareRecords of(CaseStore store) {
            return new CareRecords() {
                @Override
                public Optional<Client> client(String clientId) {
                    return store.client(clientId).map(CaseStore.Versioned::value);
                }

                @Override
                public List<CareLine> careLinesOf(String clientId) {
                    return store.careLinesOf(clientId);
                }
            };
        }
    }

    @Autowired
    public InvoiceChecks(CaseStore cases, ReferenceData reference) {
        this(CareRecords.of(cases), reference);
    }

    InvoiceChecks(CareRecords cases, ReferenceData reference) {
        this.cases = cases;
        this.reference = reference;
    }

    /**
     * Every line checked; when the invoice's own totals do not add up, every line is rejected with that. A credit
     * note's line that fails matching is parked for Accounts Payable instead (docs/decisions.md, "Credit notes").
     */
    public List<LineCheck> check(ProviderInvoice invoice) {
        Optional<String> totals = totalsProblem(invoice);
        return invoice.lines().stream()
                .map(line -> totals.map(detail -> problem(invoice, line, null, TOTALS_WRONG, Map.of("detail", detail)))
                        .orElseGet(() -> creditChecked(invoice, checkLine(invoice, line))))
                .toList();
    }

    /** Money a provider gives back is not bounced back to it: an unmatched credit is Accounts Payable's to place. */
    private LineCheck creditChecked(ProviderInvoice invoice, LineCheck check) {
        if (!invoice.creditNote() || check.outcome() == LineOutcome.ACCEPTED || LINE_INCOMPLETE.equals(check.reasonCode())
                || TOTALS_WRONG.equals(check.reasonCode())) {
            return check;
        }
        return problem(invoice, check.line(), check.careLine(), CREDIT_UNMATCHED,
                Map.of("matchProblem", check.explanation(), "matchReason", check.reasonCode()));
    }

    private LineCheck checkLine(ProviderInvoice invoice, ProviderInvoice.Line line) {
        String missing = missing(line);
        if (missing != null) {
            return problem(invoice, line, null, LINE_INCOMPLETE, Map.of("missing", missing));
        }
        String arithmetic = lineArithmetic(line);
        if (arithmetic != null) {
            return problem(invoice, line, null, TOTALS_WRONG, Map.of("detail", arithmetic));
        }
        Optional<Client> client = cases.client(line.clientId());
        if (client.isEmpty()) {
            return problem(invoice, line, null, UNKNOWN_CLIENT, Map.of());
        }
        Optional<CareLine> careLine = cases.careLinesOf(line.clientId()).stream()
                .filter(c -> commissions(c, invoice.provider(), line)).findFirst();
        if (careLine.isEmpty()) {
            return problem(invoice, line, null, NO_CARE_LINE, Map.of());
        }
        CareLine matched = careLine.get();
        LocalDate dateOfDeath = client.get().dateOfDeath();
        // Crediting care after the date of death gives an overpayment back: exactly what should happen.
        if (dateOfDeath != null && line.periodTo().isAfter(dateOfDeath) && !invoice.creditNote()) {
            return problem(invoice, line, matched, AFTER_DEATH, Map.of("dateOfDeath", dateOfDeath));
        }
        CareLineElement element = elementOf(matched, line.elementCode()).orElseThrow();
        if (line.unitRate().compareTo(element.rate()) != 0) {
            return rateProblem(invoice, line, matched, element);
        }
        long days = ChronoUnit.DAYS.between(line.periodFrom(), line.periodTo()) + 1;
        BigDecimal weeks = BigDecimal.valueOf(days).divide(DAYS_A_WEEK, 4, RoundingMode.HALF_UP);
        BigDecimal commissioned = element.plannedUnitsPerWeek().multiply(weeks).setScale(2, RoundingMode.HALF_UP);
        if (line.units().compareTo(commissioned) > 0) {
            return problem(invoice, line, matched, UNITS_ABOVE, Map.of("commissioned", commissioned.stripTrailingZeros()
                    .toPlainString(), "plannedPerWeek", element.plannedUnitsPerWeek().toPlainString(),
                    "weeks", weeks.stripTrailingZeros().toPlainString()));
        }
        return LineCheck.accepted(line, matched);
    }

    /**
     * The invoiced rate is not the care line's. If it is the rate card's current rate, the care line (without an
     * authorised override) still pays an older card rate: the council's uplift was missed, not the provider's error.
     */
    private LineCheck rateProblem(ProviderInvoice invoice, ProviderInvoice.Line line, CareLine careLine,
                                  CareLineElement element) {
        Map<String, Object> rates = Map.of("agreedRate", element.rate().toPlainString());
        boolean overridden = element.rateOverride() != null && element.rateOverride().isAuthorised();
        Optional<RateCardEntry> card = reference.rate(careLine.serviceCode(), line.elementCode(), line.periodFrom());
        if (!overridden && card.isPresent() && card.get().rate().compareTo(line.unitRate()) == 0
                && olderCardRate(careLine.serviceCode(), line.elementCode(), element.rate(), card.get().validFrom())) {
            Map<String, Object> details = new LinkedHashMap<>(rates);
            details.put("cardFrom", card.get().validFrom());
            return problem(invoice, line, careLine, RATE_CARD_BEHIND, details);
        }
        return problem(invoice, line, careLine, RATE_DIFFERS, rates);
    }

    private boolean olderCardRate(String serviceCode, String elementCode, BigDecimal rate, LocalDate before) {
        return reference.rateCard().stream().anyMatch(e -> e.serviceCode().equals(serviceCode)
                && e.elementCode().equals(elementCode) && e.rate().compareTo(rate) == 0 && e.validFrom().isBefore(before));
    }

    /** The care line is this provider's, for the line's service and element, and active for the whole period. */
    private static boolean commissions(CareLine careLine, String providerRef, ProviderInvoice.Line line) {
        return careLine.providerRef().equals(providerRef) && careLine.serviceCode().equals(line.serviceCode())
                && elementOf(careLine, line.elementCode()).isPresent()
                && !line.periodFrom().isBefore(careLine.startDate())
                && (careLine.endDate() == null || !line.periodTo().isAfter(careLine.endDate()));
    }

    private static Optional<CareLineElement> elementOf(CareLine careLine, String elementCode) {
        return careLine.elements().stream().filter(e -> e.elementCode().equals(elementCode)).findFirst();
    }

    private static String missing(ProviderInvoice.Line line) {
        List<String> missing = new ArrayList<>();
        addIfNull(missing, line.clientId(), "client id");
        addIfNull(missing, line.serviceCode(), "service code");
        addIfNull(missing, line.elementCode(), "element code");
        addIfNull(missing, line.periodFrom(), "period start");
        addIfNull(missing, line.periodTo(), "period end");
        addIfNull(missing, line.units(), "units");
        addIfNull(missing, line.unitRate(), "unit rate");
        addIfNull(missing, line.amount(), "amount");
        return missing.isEmpty() ? null : String.join(", ", missing);
    }

    private static void addIfNull(List<String> missing, Object value, String name) {
        if (value == null) {
            missing.add(name);
        }
    }

    private static String lineArithmetic(ProviderInvoice.Line line) {
        BigDecimal expected = line.units().multiply(line.unitRate()).setScale(2, RoundingMode.HALF_UP);
        if (expected.compareTo(line.amount()) != 0) {
            return "line " + line.lineId() + ": " + line.units().toPlainString() + " × " + line.unitRate().toPlainString()
                    + " = " + expected.toPlainString() + ", not " + line.amount().toPlainString();
        }
        if (line.vatRate() != null && line.vatAmount() != null) {
            BigDecimal vat = line.amount().multiply(line.vatRate()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            if (vat.compareTo(line.vatAmount()) != 0) {
                return "line " + line.lineId() + ": VAT at " + line.vatRate().toPlainString() + "% of "
                        + line.amount().toPlainString() + " is " + vat.toPlainString() + ", not " + line.vatAmount().toPlainString();
            }
        }
        return null;
    }

    /** The document's totals against its lines: sum of line amounts, sum of line VAT, total plus VAT. */
    private static Optional<String> totalsProblem(ProviderInvoice invoice) {
        ProviderInvoice.Totals totals = invoice.totals();
        if (totals == null || invoice.lines().stream().anyMatch(l -> l.amount() == null)) {
            return Optional.empty(); // a line without an amount is reported on its own
        }
        BigDecimal lines = invoice.lines().stream().map(ProviderInvoice.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (totals.lineExtension() != null && lines.compareTo(totals.lineExtension()) != 0) {
            return Optional.of("the lines add up to " + lines.toPlainString() + ", but the invoice total is "
                    + totals.lineExtension().toPlainString());
        }
        boolean everyLineHasVat = invoice.lines().stream().allMatch(l -> l.vatAmount() != null);
        if (everyLineHasVat && totals.tax() != null) {
            BigDecimal vat = invoice.lines().stream().map(ProviderInvoice.Line::vatAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (vat.compareTo(totals.tax()) != 0) {
                return Optional.of("the lines' VAT adds up to " + vat.toPlainString() + ", but the invoice's VAT is "
                        + totals.tax().toPlainString());
            }
        }
        if (totals.lineExtension() != null && totals.tax() != null && totals.payable() != null
                && totals.lineExtension().add(totals.tax()).compareTo(totals.payable()) != 0) {
            return Optional.of("total " + totals.lineExtension().toPlainString() + " plus VAT " + totals.tax().toPlainString()
                    + " is not the amount payable " + totals.payable().toPlainString());
        }
        return Optional.empty();
    }

    private LineCheck problem(ProviderInvoice invoice, ProviderInvoice.Line line, CareLine careLine, String reasonCode,
                              Map<String, ?> extra) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("invoiceNumber", invoice.invoiceNumber());
        details.put("providerRef", invoice.provider());
        details.put("lineId", line.lineId());
        putIfPresent(details, "clientId", line.clientId());
        putIfPresent(details, "serviceCode", line.serviceCode());
        putIfPresent(details, "elementCode", line.elementCode());
        putIfPresent(details, "periodFrom", line.periodFrom());
        putIfPresent(details, "periodTo", line.periodTo());
        putIfPresent(details, "units", line.units() == null ? null : line.units().toPlainString());
        putIfPresent(details, "invoicedRate", line.unitRate() == null ? null : line.unitRate().toPlainString());
        putIfPresent(details, "careLineId", careLine == null ? null : careLine.cpliId());
        details.putAll(extra);
        FailureReason reason = reference.reason(reasonCode);
        LineOutcome outcome = PROVIDER_TEAM.equals(reason.ownerTeam()) ? LineOutcome.REJECTED : LineOutcome.PARKED;
        return new LineCheck(line, careLine, outcome, reasonCode, reason.ownerTeam(), reason.explain(details),
                reason.fix(details), details);
    }

    private static void putIfPresent(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
