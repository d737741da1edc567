package org.carehub.nhsclaims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.finance.CoFundedCareLine;
import org.carehub.finance.ContrOCCCoFundedCare;
import org.carehub.nhsclaims.ClaimLine.LineType;
import org.carehub.nhsclaims.ClaimableLines.Claimable;
import org.carehub.reference.NhsBody;
import org.carehub.reference.ReferenceData;
import org.carehub.schedules.RunTally;
import org.carehub.schedules.ScheduledJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly NHS claims (job {@code nhs-claims}, period {@code yyyy-MM}, due for last month). Reads every co-funded
 * care line from finance, and for the period and each earlier month already claimed (up to
 * {@code adjustment-months} back) works out the NHS share due now ({@link MonthCost}); each care line, month and body
 * is claimed the difference between that and what earlier lines claimed. So a re-run adds nothing unless something
 * changed, and a change to a claimed month is an adjustment line (credit or debit) on this period's schedule. Lines
 * that cannot be claimed are parked ({@link UnclaimedLines}). Each body's schedule is written and mailed when it has
 * lines not yet mailed.
 */
@Component
public class NhsClaimsJob implements ScheduledJob {

    private static final Logger log = LoggerFactory.getLogger(NhsClaimsJob.class);
    static final String NAME = "nhs-claims";

    private final ContrOCCCoFundedCare finance;
    private final ClaimableLines claimable;
    private final UnclaimedLines unclaimed;
    private final ClaimLedger ledger;
    private final ClaimScheduleMailer mailer;
    private final ReferenceData reference;
    private final NhsClaimsProperties properties;
    private final TransactionTemplate transactions;

    public NhsClaimsJob(ContrOCCCoFundedCare finance, ClaimableLines claimable, UnclaimedLines unclaimed, ClaimLedger ledger,
            ClaimScheduleMailer mailer, ReferenceData reference, NhsClaimsProperties properties, DataSource dataSource) {
        this.finance = finance;
        this.claimable = claimable;
        this.unclaimed = unclaimed;
        this.ledger = ledger;
        this.mailer = mailer;
        this.reference = reference;
        this.properties = properties;
        // A run's lines are stored together or not at all.
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String periodDue(LocalDate today) {
        return YearMonth.from(today).minusMonths(1).toString();
    }

    @Override
    public void run(String period, RunTally tally) throws Exception {
        YearMonth claimMonth = month(period);
        YearMonth first = claimMonth.minusMonths(properties.adjustmentMonths() - 1L);
        List<CoFundedCareLine> lines = finance.activeBetween(first.atDay(1), claimMonth.atEndOfMonth());
        tally.add("co-funded care lines", lines.size());
        List<Unclaimable> cannot = transactions.execute(tx -> claim(claimMonth, first, lines, tally));
        // Parked after the lines are stored: a parked message is never left by a run whose lines rolled back.
        for (Unclaimable line : cannot) {
            if (unclaimed.park(line.line(), claimMonth, line.why())) {
                tally.count("lines parked");
            }
            tally.failure(line.line().cpliId() + " not claimed: " + line.why().reasonCode());
        }
        sendSchedules(period, tally);
    }

    private static YearMonth month(String period) {
        try {
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("An NHS claims period is a month, yyyy-MM (like 2026-10), not '" + period + "'");
        }
    }

    private record Unclaimable(CoFundedCareLine line, BusinessRuleViolation why) {
    }

    private List<Unclaimable> claim(YearMonth claimMonth, YearMonth first, List<CoFundedCareLine> lines, RunTally tally) {
        List<Unclaimable> cannot = new ArrayList<>();
        ledger.monthClaimed(claimMonth);
        List<YearMonth> months = ledger.monthsClaimed(first, claimMonth);
        Claimed claimed = new Claimed(ledger.linesForMonths(first, claimMonth));
        Set<String> seen = new HashSet<>();
        for (CoFundedCareLine line : lines) {
            seen.add(line.cpliId());
            Claimable funding;
            try {
                funding = claimable.check(line, claimMonth.toString());
            } catch (BusinessRuleViolation why) {
                cannot.add(new Unclaimable(line, why));
                continue;
            }
            for (YearMonth month : months) {
                MonthCost cost = MonthCost.of(line, month);
                BigDecimal due = cost.nhsShare(funding.sharePercent());
                add(claimMonth, line, funding.body().code(), funding.scheme().code(), funding.serviceCode(), month, cost,
                        funding.sharePercent(), due, claimed, tally);
                // Claimed from another body before (the line moved ICB): that body is credited in full.
                for (ClaimLine other : claimed.otherBodies(line.cpliId(), month, funding.body().code())) {
                    add(claimMonth, line, other.nhsBody(), other.scheme(), other.serviceCode(), month, cost,
                            other.sharePercent(), BigDecimal.ZERO.setScale(2), claimed, tally);
                }
            }
        }
        // Claimed before, and finance no longer holds the line as co-funded in those months: credited in full.
        for (ClaimLine gone : claimed.latestOfLinesNotIn(seen)) {
            CoFundedCareLine line = new CoFundedCareLine(gone.cpliId(), gone.personRef(), gone.nhsNumber(), null,
                    gone.clientName(), null, null, null, gone.scheme(), gone.nhsBody(), gone.sharePercent(), List.of(), List.of());
            add(claimMonth, line, gone.nhsBody(), gone.scheme(), gone.serviceCode(), YearMonth.parse(gone.serviceMonth()),
                    new MonthCost(YearMonth.parse(gone.serviceMonth()), null, null, 0, MonthCost.Basis.NONE,
                            BigDecimal.ZERO.setScale(2)), gone.sharePercent(), BigDecimal.ZERO.setScale(2), claimed, tally);
        }
        return cannot;
    }

    /** Adds the line claiming the difference between what is due and what was claimed, if there is one. */
    private void add(YearMonth claimMonth, CoFundedCareLine line, String body, String scheme, String serviceCode,
            YearMonth month, MonthCost cost, BigDecimal share, BigDecimal due, Claimed claimed, RunTally tally) {
        BigDecimal before = claimed.sum(line.cpliId(), month, body);
        BigDecimal amount = due.subtract(before);
        if (amount.signum() == 0) {
            return;
        }
        LineType type = month.equals(claimMonth) && !claimed.any(line.cpliId(), month, body) ? LineType.CLAIM : LineType.ADJUSTMENT;
        ClaimLine claim = new ClaimLine(claimMonth.toString(), body, month.toString(), line.cpliId(), line.personRef(),
                line.nhsNumber(), line.clientName(), scheme, serviceCode, type, cost.basis(), cost.days(), cost.cost(), share,
                due, before, amount);
        ledger.add(claim);
        claimed.add(claim);
        tally.count(type == LineType.CLAIM ? "claim lines" : "adjustment lines");
    }

    private void sendSchedules(String period, RunTally tally) {
        for (String code : ledger.bodiesWithSchedule(period)) {
            List<ClaimLine> lines = ledger.schedule(period, code);
            NhsBody body = reference.nhsBody(code).orElse(null);
            if (body == null) {
                tally.failure("schedule " + period + " for " + code + " not sent: " + code + " is no longer in nhs-bodies.csv");
                continue;
            }
            ClaimSchedule schedule = new ClaimSchedule(period, body, lines);
            mailer.write(schedule);
            if (ledger.linesSent(period, code).orElse(-1) == lines.size()) {
                continue;
            }
            try {
                mailer.mail(schedule);
                ledger.sent(period, code, lines.size());
                tally.count("schedules mailed");
                log.info("NHS claim schedule {} for {} mailed to {}: {} line(s), total {}", period, code, body.claimsMailbox(),
                        lines.size(), schedule.total());
            } catch (Exception mailFailed) {
                // Written to the folder all the same; a re-run of the period mails it.
                tally.failure("schedule " + period + " for " + code + " not mailed: " + mailFailed.getMessage());
            }
        }
    }

    /** What earlier lines claimed, by care line, month and body. */
    private static final class Claimed {

        private final Map<String, BigDecimal> sums = new HashMap<>();
        private final Map<String, ClaimLine> latest = new LinkedHashMap<>();

        Claimed(List<ClaimLine> lines) {
            lines.forEach(this::add);
        }

        void add(ClaimLine line) {
            String key = key(line.cpliId(), YearMonth.parse(line.serviceMonth()), line.nhsBody());
            sums.merge(key, line.amount(), BigDecimal::add);
            latest.put(key, line);
        }

        BigDecimal sum(String cpliId, YearMonth month, String body) {
            return sums.getOrDefault(key(cpliId, month, body), BigDecimal.ZERO.setScale(2));
        }

        boolean any(String cpliId, YearMonth month, String body) {
            return latest.containsKey(key(cpliId, month, body));
        }

        /** The latest line of each month and body other than {@code body} still claiming something. */
        List<ClaimLine> otherBodies(String cpliId, YearMonth month, String body) {
            return new ArrayList<>(latest.values()).stream().filter(l -> l.cpliId().equals(cpliId)
                    && l.serviceMonth().equals(month.toString()) && !l.nhsBody().equals(body)
                    && sum(cpliId, month, l.nhsBody()).signum() != 0).toList();
        }

        /** The latest line of each care line, month and body still claiming something, for care lines not in {@code seen}. */
        List<ClaimLine> latestOfLinesNotIn(Set<String> seen) {
            return new ArrayList<>(latest.values()).stream().filter(l -> !seen.contains(l.cpliId())
                    && sum(l.cpliId(), YearMonth.parse(l.serviceMonth()), l.nhsBody()).signum() != 0).toList();
        }

        private static String key(String cpliId, YearMonth month, String body) {
            return cpliId + "|" + month + "|" + body;
        }
    }
}
