package org.carehub.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.carehub.finance.ImportHistory.MAY_HAVE_BEEN_SENT;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.cxf.Bus;
import org.carehub.cases.Address;
import org.carehub.cases.AssessmentReferral;
import org.carehub.cases.CareLine;
import org.carehub.cases.CareLineElement;
import org.carehub.cases.Client;
import org.carehub.failures.BusinessRuleViolation;
import org.carehub.finance.contrOCC.ServiceLine;
import org.carehub.finance.contrOCC.ServiceLineElement;
import org.carehub.reference.ReferenceData;
import org.carehub.simulators.contrOCC.ContrOCCSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** The finance adapter over real SOAP against the ContrOCC simulator running inside the hub. */
@ContrOCCHubTest
class ContrOCCAdapterTest {

    /** From the shipped mappings: home care is chargeable; S117 aftercare never is (no client charge). */
    private static final String HOMECARE = "HOMECARE";
    private static final String DAYCARE = "S117_AFTERCARE";

    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);

    @Autowired
    @Qualifier("contrOCC")
    ContrOCCAdapter contrOCC;

    @Autowired
    ContrOCCSimulator simulator;

    @LocalServerPort
    int port;

    @AfterEach
    void simulatorBackToNormal() {
        simulator.setAvailable(true);
        simulator.setDelayMillis(0);
    }

    @Test
    void clientUnknownToFinanceIsCreatedBeforeTheirCareLineCodedFromTheFinanceMappings() {
        Client client = client(true);
        CareLine line = careLine(client, DAYCARE, MAY, "COMMUNITY_SUPPORT");

        FinanceReceipt receipt = contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, line, 1, client, unique("evt") + ":1");

        assertThat(receipt.steps()).extracting(FinanceReceipt.Step::action)
                .containsExactly(FinanceAction.CLIENT_CREATED, FinanceAction.SERVICE_LINE_CREATED);
        assertThat(receipt.toString()).matches("ContrOCC: CLIENT_CREATED CL\\d+ \\(ref .*/client\\); SERVICE_LINE_CREATED SL\\d+ \\(ref .*/line\\)");
        assertThat(simulator.findClient(client.lasPersonId()).getAddressLines()).containsExactly("12 Mill Lane", "Leeds");
        ServiceLine held = simulator.serviceLines(line.cpliId()).get(0).line();
        ServiceLineElement element = held.getElements().get(0);
        assertThat(List.of(element.getElementType(), element.getLedgerCode(), element.getCostCentre()))
                .containsExactly("S117-COM", "52510", "ASC-MH-S117"); // mappings/finance-codes.csv
        assertThat(simulator.referrals(client.lasPersonId())).as("day care is free").isEmpty();
    }

    @Test
    void chargeableServiceForAChargeableClientIsReferredForAssessmentOnce() {
        Client client = client(true);

        FinanceReceipt first = contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, careLine(client, HOMECARE, MAY, "PERSONAL_CARE"), 1, client, unique("evt") + ":1");
        FinanceReceipt second = contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, careLine(client, HOMECARE, MAY, "DOUBLE_HANDED"), 1, client, unique("evt") + ":1");

        assertThat(first.has(FinanceAction.ASSESSMENT_REFERRED)).isTrue();
        assertThat(second.has(FinanceAction.ASSESSMENT_REFERRED)).isFalse();
        assertThat(second.has(FinanceAction.ASSESSMENT_ALREADY_REFERRED)).isTrue();
        assertThat(simulator.referrals(client.lasPersonId())).singleElement()
                .satisfies(referral -> assertThat(referral.reason()).isEqualTo("Chargeable service Home care (domiciliary care) started 2026-05-01"));
    }

    @Test
    void clientWhoIsNotChargeableIsNotReferred() {
        Client client = client(false);

        FinanceReceipt receipt = contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, careLine(client, HOMECARE, MAY, "PERSONAL_CARE"), 1, client, unique("evt") + ":1");

        assertThat(receipt.has(FinanceAction.ASSESSMENT_REFERRED)).isFalse();
        assertThat(simulator.referrals(client.lasPersonId())).isEmpty();
    }

    @Test
    void aCareLineWronglyTakenForNeverSentIsStillCreatedOnceFinanceAnsweringTheDuplicate() {
        Client client = client(true);
        CareLine line = careLine(client, HOMECARE, MAY, "PERSONAL_CARE");
        String reference = unique("evt") + ":1";
        contrOCC.deliverCareLine(ImportHistory.NEVER_SENT, line, 1, client, reference);

        // A ledger lost with the hub's disk would say "never sent" again: finance is not asked first, yet no second line.
        FinanceReceipt again = contrOCC.deliverCareLine(ImportHistory.NEVER_SENT, line, 1, client, reference);

        assertThat(again.steps()).extracting(FinanceReceipt.Step::action).startsWith(FinanceAction.ALREADY_DONE);
        assertThat(simulator.countServiceLinesForCpli(line.cpliId())).isEqualTo(1);
    }

    @Test
    void redeliveredCareLineIsNotSentAgain() {
        Client client = client(true);
        CareLine line = careLine(client, HOMECARE, MAY, "PERSONAL_CARE");
        String reference = unique("evt") + ":1";
        contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, line, 1, client, reference);

        FinanceReceipt redelivered = contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, line, 1, client, reference);

        assertThat(redelivered.steps()).extracting(FinanceReceipt.Step::action)
                .containsExactly(FinanceAction.ALREADY_DONE, FinanceAction.ASSESSMENT_ALREADY_REFERRED);
        assertThat(redelivered.toString()).contains("ALREADY_DONE SL").contains("created as SL");
        assertThat(simulator.countServiceLinesForCpli(line.cpliId())).isEqualTo(1);
        assertThat(simulator.referrals(client.lasPersonId())).hasSize(1);
    }

    @Test
    void newerVersionOfACareLineUpdatesTheServiceLine() {
        Client client = client(false);
        CareLine line = careLine(client, HOMECARE, MAY, "PERSONAL_CARE");
        contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, line, 1, client, unique("evt") + ":1");
        CareLine ended = new CareLine(line.cpliId(), line.clientId(), line.serviceCode(), line.providerRef(), line.contractRef(),
                line.startDate(), MAY.plusMonths(3), "Moved to residential care", line.elements(), null);

        FinanceReceipt receipt = contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, ended, client, unique("evt") + ":2");

        assertThat(receipt.steps()).extracting(FinanceReceipt.Step::action).containsExactly(FinanceAction.SERVICE_LINE_UPDATED);
        ServiceLine held = simulator.serviceLines(line.cpliId()).get(0).line();
        assertThat(held.getCpliVersion()).as("version taken from the import reference").isEqualTo(2);
        assertThat(held.getEndDate()).isEqualTo(MAY.plusMonths(3));
    }

    @Test
    void importReferenceWithoutAVersionIsRefusedBeforeAnythingIsSent() {
        Client client = client(false);
        CareLine line = careLine(client, HOMECARE, MAY, "PERSONAL_CARE");

        assertThatThrownBy(() -> contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, line, client, "journey-" + UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not end in ':<version>'");
        assertThat(simulator.findClient(client.lasPersonId())).isNull();
    }

    @Test
    void overlappingCareLineIsRejectedAsFinanceRejectedOverlappingLine() {
        Client client = client(false);
        CareLine first = careLine(client, HOMECARE, MAY, "PERSONAL_CARE");
        contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, first, 1, client, unique("evt") + ":1");
        CareLine second = careLine(client, HOMECARE, MAY.plusDays(14), "PERSONAL_CARE");

        assertRejected(() -> contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, second, 1, client, unique("evt") + ":1"), violation -> {
            assertThat(violation.reasonCode()).isEqualTo("FINANCE_REJECTED_OVERLAPPING_LINE");
            assertThat(violation.field()).isEqualTo("startDate");
            assertThat(violation.value()).isEqualTo("2026-05-15");
            assertThat(violation.details().get("financeMessage").toString()).contains(first.cpliId());
        });
        assertThat(simulator.countServiceLinesForCpli(second.cpliId())).isZero();
    }

    @Test
    void careLineStartingInAClosedFinancePeriodIsRejectedAsFinanceRejectedClosedPeriod() {
        Client client = client(false);
        CareLine line = careLine(client, HOMECARE, LocalDate.of(2026, 3, 2), "PERSONAL_CARE");

        assertRejected(() -> contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, line, 1, client, unique("evt") + ":1"), violation -> {
            assertThat(violation.reasonCode()).isEqualTo("FINANCE_REJECTED_CLOSED_PERIOD");
            assertThat(violation.field()).isEqualTo("startDate");
            assertThat(violation.value()).isEqualTo("2026-03-02");
        });
    }

    @Test
    void olderVersionIsRejectedAsFinanceRejectedOther() {
        Client client = client(false);
        CareLine line = careLine(client, HOMECARE, MAY, "PERSONAL_CARE");
        contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, line, 3, client, unique("evt") + ":3");

        assertRejected(() -> contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, line, 2, client, unique("evt") + ":2"), violation -> {
            assertThat(violation.reasonCode()).isEqualTo("FINANCE_REJECTED_OTHER");
            assertThat(violation.field()).isEqualTo("cpliVersion");
            assertThat(violation.details().get("financeMessage").toString()).contains("version 2 is older than stored version 3");
        });
    }

    @Test
    void elementWithoutAFinanceCodeIsRejectedBeforeAnythingIsSent() {
        Client client = client(true);
        CareLine line = careLine(client, HOMECARE, MAY, "PERSONAL_CARE", "TRANSPORT");

        assertRejected(() -> contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, line, 1, client, unique("evt") + ":1"), violation -> {
            assertThat(violation.reasonCode()).isEqualTo("NO_FINANCE_MAPPING");
            assertThat(violation.field()).isEqualTo("elements[1].elementCode");
            assertThat(violation.value()).isEqualTo("TRANSPORT");
            assertThat(violation.details()).containsEntry("serviceCode", HOMECARE);
        });
        assertThat(simulator.findClient(client.lasPersonId())).isNull();
    }

    @Test
    void dateOfDeathIsRecordedOnTheClientInFinance() {
        Client client = client(true);
        contrOCC.deliverClient(MAY_HAVE_BEEN_SENT, client, unique("evt") + ":1");
        Client died = new Client(client.lasPersonId(), client.nhsNumber(), client.title(), client.forename(), client.surname(),
                client.dateOfBirth(), client.address(), client.chargeable(), LocalDate.of(2026, 6, 3));

        FinanceReceipt receipt = contrOCC.recordDeath(MAY_HAVE_BEEN_SENT, died, unique("evt") + ":2");

        assertThat(receipt.steps()).extracting(FinanceReceipt.Step::action).containsExactly(FinanceAction.CLIENT_UPDATED);
        assertThat(simulator.findClient(client.lasPersonId()).getDateOfDeath()).isEqualTo(LocalDate.of(2026, 6, 3));
    }

    @Test
    void referralAskedForByLasIsSentWithItsReason() {
        Client client = client(true);
        contrOCC.deliverClient(MAY_HAVE_BEEN_SENT, client, unique("evt") + ":1");

        FinanceReceipt receipt = contrOCC.referForAssessment(MAY_HAVE_BEEN_SENT, 
                new AssessmentReferral(client.lasPersonId(), "Savings above threshold reported", "J. Social Worker"), unique("evt") + ":1");

        assertThat(receipt.steps()).extracting(FinanceReceipt.Step::action).containsExactly(FinanceAction.ASSESSMENT_REFERRED);
        assertThat(simulator.referrals(client.lasPersonId())).singleElement()
                .satisfies(r -> assertThat(r.referredBy()).isEqualTo("J. Social Worker"));
    }

    @Test
    void financeDownIsUnavailableAndTheSameDeliveryGoesThroughOnceItIsBack() {
        Client client = client(false);
        CareLine line = careLine(client, HOMECARE, MAY, "PERSONAL_CARE");
        String reference = unique("evt") + ":1";
        simulator.setAvailable(false);

        assertThatThrownBy(() -> contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, line, 1, client, reference))
                .isInstanceOf(FinanceUnavailableException.class)
                .hasMessageContaining("ContrOCC at http://127.0.0.1:" + port + "/services/contrOCC-sim answered HTTP 503");
        assertThat(simulator.findClient(client.lasPersonId())).isNull();

        simulator.setAvailable(true);
        FinanceReceipt receipt = contrOCC.deliverCareLine(MAY_HAVE_BEEN_SENT, line, 1, client, reference);

        assertThat(receipt.steps()).extracting(FinanceReceipt.Step::action)
                .containsExactly(FinanceAction.CLIENT_CREATED, FinanceAction.SERVICE_LINE_CREATED);
    }

    @Test
    void financeTooSlowIsUnavailableNamingTheTimeout(@Autowired Environment environment, @Autowired Bus bus,
                                                      @Autowired ReferenceData referenceData, @Autowired ContrOCCTransform transform) {
        ContrOCCAdapter impatient = new ContrOCCAdapter(
                new ContrOCCFinanceProperties("http://127.0.0.1:" + port + "/services/contrOCC-sim", 2000, 300),
                environment, bus, referenceData, transform);
        simulator.setDelayMillis(1500);

        assertThatThrownBy(() -> impatient.deliverClient(MAY_HAVE_BEEN_SENT, client(false), unique("evt") + ":1"))
                .isInstanceOf(FinanceUnavailableException.class)
                .hasMessageEndingWith("/services/contrOCC-sim did not answer within 300 ms");
    }

    @Test
    void financeNotListeningIsUnavailable(@Autowired Environment environment, @Autowired Bus bus,
                                          @Autowired ReferenceData referenceData, @Autowired ContrOCCTransform transform)
            throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ContrOCCAdapter unreachable = new ContrOCCAdapter(
                new ContrOCCFinanceProperties("http://127.0.0.1:" + closedPort + "/services/contrOCC-sim", 2000, 10000),
                environment, bus, referenceData, transform);

        assertThatThrownBy(() -> unreachable.deliverClient(MAY_HAVE_BEEN_SENT, client(false), unique("evt") + ":1"))
                .isInstanceOf(FinanceUnavailableException.class)
                .hasMessage("ContrOCC at http://127.0.0.1:" + closedPort + "/services/contrOCC-sim refused the connection");
    }

    private static void assertRejected(Runnable delivery, Consumer<BusinessRuleViolation> expectations) {
        assertThatThrownBy(delivery::run).isInstanceOfSatisfying(BusinessRuleViolation.class, expectations);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Client client(boolean chargeable) {
        return new Client(unique("P"), "9434765919", "Mr", "Albert", "Hale", LocalDate.of(1941, 9, 30),
                new Address("12 Mill Lane", null, "Leeds", "LS1 4AB"), chargeable, null);
    }

    private static CareLine careLine(Client client, String serviceCode, LocalDate start, String... elementCodes) {
        List<CareLineElement> elements = java.util.Arrays.stream(elementCodes)
                .map(code -> new CareLineElement(code, "HOUR", new BigDecimal("22.40"), new BigDecimal("10.5"), null))
                .toList();
        return new CareLine(unique("C"), client.lasPersonId(), serviceCode, "PRV-1", "CON-1", start, null, null, elements, null);
    }
}
