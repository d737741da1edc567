package org.carehub.nhsclaims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.carehub.HubTest;
import org.carehub.failures.JourneyStatus;
import org.carehub.failures.JourneyLedger;
import org.carehub.failures.ParkedHeaders;
import org.carehub.finance.contrOCC.Client;
import org.carehub.finance.contrOCC.ImportStatus;
import org.carehub.finance.contrOCC.NhsFunding;
import org.carehub.finance.contrOCC.ProviderActual;
import org.carehub.finance.contrOCC.ServiceLine;
import org.carehub.finance.contrOCC.ServiceLineElement;
import org.carehub.invoices.TestMail;
import org.carehub.reference.ReferenceData;
import org.carehub.schedules.RunRecord;
import org.carehub.schedules.ScheduledRuns;
import org.carehub.simulators.contrOCC.ContrOCCSimulator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A small set of co-funded care lines in finance (the ContrOCC simulator), claimed for October 2026 and November
 * 2026 by the real job, each line compared with the amount worked out by hand below. All lines are claimed from a
 * test ICB (QTST) added to this run's mappings, so other tests' care lines do not touch these schedules.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NhsClaimsTest extends HubTest {

    private static final String BODY = "QTST";
    private static final String MAILBOX = "claims@test-icb.test";
    private static final String PARKED = "carehub.nhsclaims.lines.parked";

    @Autowired
    private ContrOCCSimulator finance;
    @Autowired
    private ScheduledRuns runs;
    @Autowired
    private ClaimLedger ledger;
    @Autowired
    private ReferenceData reference;
    @Autowired
    private JourneyLedger journeys;
    @Value("${carehub.mail.embedded.smtp-port}")
    private int smtpPort;
    @Value("${carehub.mail.embedded.imap-port}")
    private int imapPort;
    @Value("${carehub.mail.embedded.password}")
    private String mailPassword;
    @Value("${carehub.nhs-claims.output-dir}")
    private Path outputDir;

    @Test
    @Order(1)
    void octoberIsClaimedLineByLineAsWorkedOutByHand() throws Exception {
        Files.writeString(mappingsDir().resolve("nhs-bodies.csv"),
                BODY + ",NHS Test Integrated Care Board,\"1 Test Street, London SE1 1AA\"," + MAILBOX + "\n", StandardOpenOption.APPEND);
        await().atMost(Duration.ofSeconds(20)).until(() -> reference.nhsBody(BODY).isPresent());

        // A: home care 10 h/week at 26.10 from 15 October (mid-month), joint funded 50%.
        client("NHSC-P1", "9434765919", null);
        line("NHSC-A", "NHSC-P1", 1, "2026-10-15", "DOM-PC", "26.10", "10", "JOINT", "50");
        // B: nursing bed 1040.00/week since September, NHS Continuing Healthcare; the client died on 20 October.
        client("NHSC-P2", "9434765870", "2026-10-20");
        line("NHSC-B", "NHSC-P2", 1, "2026-09-01", "NUR-BED", "1040.00", "1", "CHC", "100");
        // C: residential bed 905.00/week since September, CHC (its rate goes up later, back-dated).
        client("NHSC-P3", "9434765838", null);
        line("NHSC-C", "NHSC-P3", 1, "2026-09-01", "RES-BED", "905.00", "1", "CHC", "100");
        // D: home care 7 h/week at 26.10, CHC, but finance holds no NHS number for the client.
        client("NHSC-P4", null, null);
        line("NHSC-D", "NHSC-P4", 1, "2026-10-01", "DOM-PC", "26.10", "7", "CHC", "100");
        // E: home care 14 h/week at 26.10, joint 40%; the provider's October invoice was paid: 1500.00.
        client("NHSC-P5", "9434765811", null);
        line("NHSC-E", "NHSC-P5", 1, "2026-10-01", "DOM-PC", "26.10", "14", "JOINT", "40");
        actual("NHSC-E", "NHSC-P5", "DOM-PC", "2026-10-01", "2026-10-31", "1500.00");

        RunRecord october = runs.run(NhsClaimsJob.NAME, "2026-10", "test");

        assertThat(ledger.schedule("2026-10", BODY)).extracting(ClaimLine::cpliId, ClaimLine::lineType, ClaimLine::daysActive,
                ClaimLine::basis, ClaimLine::monthCost, ClaimLine::amount).containsExactlyInAnyOrder(
                // A: 15-31 Oct = 17 days; 26.10 x 10 x 17 / 7 = 633.857.. -> 633.86; x 50% = 316.93
                line("NHSC-A", ClaimLine.LineType.CLAIM, 17, MonthCost.Basis.COMMISSIONED, "633.86", "316.93"),
                // B: 1-20 Oct (death day included) = 20 days; 1040 x 20 / 7 = 2971.428.. -> 2971.43; x 100%
                line("NHSC-B", ClaimLine.LineType.CLAIM, 20, MonthCost.Basis.COMMISSIONED, "2971.43", "2971.43"),
                // C: 31 days; 905 x 31 / 7 = 4007.857.. -> 4007.86; x 100%
                line("NHSC-C", ClaimLine.LineType.CLAIM, 31, MonthCost.Basis.COMMISSIONED, "4007.86", "4007.86"),
                // E: delivered, as paid: 1500.00 x 40% = 600.00 (commissioned would have been 1692.00)
                line("NHSC-E", ClaimLine.LineType.CLAIM, 31, MonthCost.Basis.DELIVERED, "1500.00", "600.00"));
        // 316.93 + 2971.43 + 4007.86 + 600.00
        assertReconciles("2026-10", "7896.22");
        assertThat(october.counts()).containsEntry("schedules mailed", 1L);

        TestMail.Reply mail = new TestMail(smtpPort, imapPort).awaitMail(MAILBOX, mailPassword,
                "NHS claim schedule 2026-10 for NHS Test Integrated Care Board");
        assertThat(mail.text()).contains("Total claimed (GBP)", "7896.22");
        // The mail reader drops the last line end; otherwise the attachment is the file written.
        assertThat(mail.attachments().get("nhs-claim-2026-10-" + BODY + ".csv").strip())
                .isEqualTo(Files.readString(outputDir.resolve("2026-10/nhs-claim-2026-10-" + BODY + ".csv")).strip());

        // D is parked for social work, once, with the field at fault.
        List<Parked> parkedD = parkedLine("NHSC-D");
        assertThat(parkedD).hasSize(1);
        assertThat(parkedD.get(0).header(ParkedHeaders.REASON_CODE)).isEqualTo("NHS_CLAIM_NO_NHS_NUMBER");
        assertThat(parkedD.get(0).header(ParkedHeaders.OWNER_TEAM)).isEqualTo("SOCIAL_WORK");
        assertThat(parkedD.get(0).header(ParkedHeaders.FIELD)).isEqualTo("client.nhsNumber");
        assertThat(october.failures()).contains("NHSC-D not claimed: NHS_CLAIM_NO_NHS_NUMBER");
    }

    @Test
    @Order(2)
    void reRunningOctoberAddsNothingParksNothingAgainAndMailsNothing() {
        int before = ledger.schedule("2026-10", BODY).size();

        RunRecord again = runs.run(NhsClaimsJob.NAME, "2026-10", "test");

        assertThat(ledger.schedule("2026-10", BODY)).hasSize(before);
        assertThat(again.counts()).doesNotContainKeys("claim lines", "adjustment lines", "lines parked", "schedules mailed");
        assertThat(parkedLine("NHSC-D")).hasSize(1);
        assertReconciles("2026-10", "7896.22");
    }

    @Test
    @Order(3)
    void novemberAdjustsOctoberForTheRateChangeAndTheDeathRecordedLateAndClaimsTheLineFixedAfterParking() throws Exception {
        // A's client died on 25 October; finance learns it only now (e.g. from the date-of-death feed).
        client("NHSC-P1", "9434765919", "2026-10-25");
        // C's rate goes up to 950.00 a week, back-dated to its start.
        line("NHSC-C", "NHSC-P3", 2, "2026-09-01", "RES-BED", "950.00", "1", "CHC", "100");
        // D: social work records the NHS number; the failure desk retries the parked line, which now passes.
        client("NHSC-P4", "9434765803", null);
        String journeyD = parkedLine("NHSC-D").get(0).header(ParkedHeaders.JOURNEY_ID);
        assertThat(as(OPERATOR).post().uri(baseUrl() + "/api/parked/" + journeyD + "/retry")
                .body(Map.of("why", "NHS number recorded")).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> journeys.statusOf(journeyD).orElseThrow() == JourneyStatus.DELIVERED);
        assertThat(parkedLine("NHSC-D")).isEmpty();

        runs.run(NhsClaimsJob.NAME, "2026-11", "test");

        assertThat(ledger.schedule("2026-11", BODY)).extracting(ClaimLine::cpliId, ClaimLine::serviceMonth, ClaimLine::lineType,
                ClaimLine::monthCost, ClaimLine::claimedBefore, ClaimLine::amount).containsExactlyInAnyOrder(
                // A, October again, cut at the death: 15-25 Oct = 11 days; 26.10 x 10 x 11 / 7 = 410.142.. -> 410.14;
                // x 50% = 205.07; claimed 316.93; adjustment -111.86 (a credit to the ICB). Nothing for November.
                line("NHSC-A", "2026-10", ClaimLine.LineType.ADJUSTMENT, "410.14", "316.93", "-111.86"),
                // C, October again: 950 x 31 / 7 = 4207.142.. -> 4207.14; claimed 4007.86; adjustment +199.28
                line("NHSC-C", "2026-10", ClaimLine.LineType.ADJUSTMENT, "4207.14", "4007.86", "199.28"),
                // C, November: 950 x 30 / 7 = 4071.428.. -> 4071.43
                line("NHSC-C", "2026-11", ClaimLine.LineType.CLAIM, "4071.43", "0.00", "4071.43"),
                // D, October, not claimed before: 26.10 x 7 x 31 / 7 = 809.10
                line("NHSC-D", "2026-10", ClaimLine.LineType.ADJUSTMENT, "809.10", "0.00", "809.10"),
                // D, November: 26.10 x 7 x 30 / 7 = 783.00
                line("NHSC-D", "2026-11", ClaimLine.LineType.CLAIM, "783.00", "0.00", "783.00"),
                // E, November, no invoice yet so as commissioned: 26.10 x 14 x 30 / 7 = 1566.00; x 40% = 626.40
                line("NHSC-E", "2026-11", ClaimLine.LineType.CLAIM, "1566.00", "0.00", "626.40"));
        // B: the client died in October: nothing for November, October unchanged.
        // -111.86 + 199.28 + 4071.43 + 809.10 + 783.00 + 626.40
        assertReconciles("2026-11", "6377.35");

        int november = ledger.schedule("2026-11", BODY).size();
        RunRecord again = runs.run(NhsClaimsJob.NAME, "2026-11", "test");
        assertThat(ledger.schedule("2026-11", BODY)).hasSize(november);
        assertThat(again.counts()).doesNotContainKeys("claim lines", "adjustment lines");
    }

    /** The CSV written for the body sums to the total, and the summary states that total. */
    private void assertReconciles(String period, String total) {
        try {
            Path folder = outputDir.resolve(period);
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(Files.newBufferedReader(folder.resolve("nhs-claim-" + period + "-" + BODY + ".csv"))).getRecords();
            BigDecimal sum = rows.stream().map(row -> new BigDecimal(row.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).isEqualByComparingTo(total);
            assertThat(rows).hasSize(ledger.schedule(period, BODY).size());
            assertThat(Files.readString(folder.resolve("nhs-claim-" + period + "-" + BODY + ".txt")))
                    .containsPattern("Total claimed \\(GBP\\) +" + total.replace(".", "\\."));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Parked> parkedLine(String cpliId) {
        return parked(PARKED).stream().filter(p -> cpliId.equals(p.header(ParkedHeaders.CARE_LINE_ID))).toList();
    }

    private static org.assertj.core.groups.Tuple line(String cpli, ClaimLine.LineType type, int days, MonthCost.Basis basis,
            String cost, String amount) {
        return org.assertj.core.groups.Tuple.tuple(cpli, type, days, basis, new BigDecimal(cost), new BigDecimal(amount));
    }

    private static org.assertj.core.groups.Tuple line(String cpli, String month, ClaimLine.LineType type, String cost,
            String before, String amount) {
        return org.assertj.core.groups.Tuple.tuple(cpli, month, type, new BigDecimal(cost), new BigDecimal(before),
                new BigDecimal(amount));
    }

    private void client(String personRef, String nhsNumber, String dateOfDeath) {
        Client client = new Client();
        client.setPersonRef(personRef);
        client.setNhsNumber(nhsNumber);
        client.setForename("Test");
        client.setSurname("Client " + personRef);
        client.setDateOfBirth(LocalDate.parse("1940-01-01"));
        client.setChargeable(true);
        client.setDateOfDeath(dateOfDeath == null ? null : LocalDate.parse(dateOfDeath));
        assertDone(finance.importClient(personRef + ":" + nhsNumber + ":" + dateOfDeath, client).getStatus());
    }

    private void line(String cpliId, String personRef, int version, String start, String elementType, String rate,
            String unitsPerWeek, String scheme, String share) {
        ServiceLine line = new ServiceLine();
        line.setCpliId(cpliId);
        line.setCpliVersion(version);
        line.setPersonRef(personRef);
        line.setProviderRef("PRV-001");
        line.setStartDate(LocalDate.parse(start));
        ServiceLineElement element = new ServiceLineElement();
        element.setElementType(elementType);
        element.setLedgerCode("52110");
        element.setCostCentre("ASC");
        element.setUnit("unit");
        element.setRate(new BigDecimal(rate));
        element.setPlannedUnitsPerWeek(new BigDecimal(unitsPerWeek));
        line.getElements().add(element);
        NhsFunding nhs = new NhsFunding();
        nhs.setScheme(scheme);
        nhs.setBody(BODY);
        nhs.setSharePercent(new BigDecimal(share));
        line.setNhsFunding(nhs);
        assertDone(finance.importServiceLine(cpliId + ":" + version, line).getStatus());
    }

    private void actual(String cpliId, String personRef, String elementType, String from, String to, String amount) {
        ProviderActual actual = new ProviderActual();
        actual.setProviderRef("PRV-001");
        actual.setInvoiceId("INV-" + cpliId);
        actual.setInvoiceNumber("BW-" + cpliId);
        actual.setLineId("1");
        actual.setPersonRef(personRef);
        actual.setCpliId(cpliId);
        actual.setElementType(elementType);
        actual.setPeriodFrom(LocalDate.parse(from));
        actual.setPeriodTo(LocalDate.parse(to));
        actual.setUnits(new BigDecimal("57.47"));
        actual.setUnitRate(new BigDecimal("26.10"));
        actual.setAmount(new BigDecimal(amount));
        assertDone(finance.recordActuals("INV-" + cpliId + "/1", actual).getStatus());
    }

    private static void assertDone(ImportStatus status) {
        assertThat(status).isIn(ImportStatus.ACCEPTED, ImportStatus.UPDATED);
    }
}
