package org.carehub.simulators.contrOCC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carehub.simulators.contrOCC.ContrOCCForms.client;
import static org.carehub.simulators.contrOCC.ContrOCCForms.line;
import static org.carehub.simulators.contrOCC.ContrOCCForms.unique;

import java.time.LocalDate;
import java.util.List;
import org.carehub.finance.ContrOCCHubTest;
import org.carehub.finance.contrOCC.AssessmentStatus;
import org.carehub.finance.contrOCC.BatchImportResult;
import org.carehub.finance.contrOCC.Client;
import org.carehub.finance.contrOCC.ImportResult;
import org.carehub.finance.contrOCC.ImportStatus;
import org.carehub.finance.contrOCC.RejectionReason;
import org.carehub.finance.contrOCC.ServiceLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** ContrOCC's import rules as the simulator applies them, one by one, against its real tables. */
@ContrOCCHubTest
class ContrOCCSimulatorTest {

    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);
    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);

    @Autowired
    ContrOCCSimulator simulator;

    private String person;

    @BeforeEach
    void aClientFinanceKnows() {
        person = unique("P");
        assertThat(simulator.importClient(unique("ref"), client(person)).getStatus()).isEqualTo(ImportStatus.ACCEPTED);
    }

    @Test
    void newClientIsAcceptedAndAnExistingOneUpdatedWithTheirDateOfDeath() {
        String other = unique("P");
        ImportResult created = simulator.importClient(unique("ref"), client(other));
        Client died = client(other);
        died.setDateOfDeath(LocalDate.of(2026, 6, 3));
        ImportResult updated = simulator.importClient(unique("ref"), died);

        assertThat(created.getStatus()).isEqualTo(ImportStatus.ACCEPTED);
        assertThat(created.getFinanceId()).startsWith("CL");
        assertThat(updated.getStatus()).isEqualTo(ImportStatus.UPDATED);
        assertThat(updated.getFinanceId()).isEqualTo(created.getFinanceId());
        assertThat(simulator.findClient(other).getDateOfDeath()).isEqualTo(LocalDate.of(2026, 6, 3));
    }

    @Test
    void clientWithoutSurnameIsRejectedAsInvalid() {
        Client nameless = client(unique("P"));
        nameless.setSurname(" ");

        ImportResult result = simulator.importClient(unique("ref"), nameless);

        assertRejected(result, RejectionReason.INVALID, "surname");
        assertThat(simulator.findClient(nameless.getPersonRef())).isNull();
    }

    @Test
    void serviceLineForAPersonFinanceDoesNotKnowIsRejectedClientUnknown() {
        String stranger = unique("P");
        String cpli = unique("C");

        ImportResult result = simulator.importServiceLine(unique("ref"), line(stranger, cpli, 1, MAY, null, "HC_PERSONAL"));

        assertRejected(result, RejectionReason.CLIENT_UNKNOWN, "personRef");
        assertThat(result.getValue()).isEqualTo(stranger);
        assertThat(simulator.countServiceLinesForCpli(cpli)).isZero();
    }

    @Test
    void newServiceLineStartingInAClosedPeriodIsRejected() {
        String cpli = unique("C");

        ImportResult result = simulator.importServiceLine(unique("ref"), line(person, cpli, 1, APRIL.minusDays(1), null, "HC_PERSONAL"));

        assertRejected(result, RejectionReason.CLOSED_PERIOD, "startDate");
        assertThat(result.getValue()).isEqualTo("2026-03-31");
        assertThat(simulator.countServiceLinesForCpli(cpli)).isZero();
    }

    @Test
    void changeToALineFinanceHoldsMayReachIntoAClosedPeriod() {
        String cpli = unique("C");
        simulator.importServiceLine(unique("ref"), line(person, cpli, 1, APRIL, null, "HC_PERSONAL"));

        ImportResult result = simulator.importServiceLine(unique("ref"), line(person, cpli, 2, APRIL.minusMonths(1), null, "HC_PERSONAL"));

        assertThat(result.getStatus()).isEqualTo(ImportStatus.UPDATED);
        assertThat(simulator.serviceLines(cpli).get(0).line().getStartDate()).isEqualTo(APRIL.minusMonths(1));
    }

    @Test
    void lineOverlappingAnotherLineOfTheSameElementTypeIsRejected() {
        String first = unique("C");
        simulator.importServiceLine(unique("ref"), line(person, first, 1, APRIL, MAY.plusMonths(1), "HC_PERSONAL"));
        String second = unique("C");

        ImportResult result = simulator.importServiceLine(unique("ref"), line(person, second, 1, MAY, null, "HC_DOMESTIC", "HC_PERSONAL"));

        assertRejected(result, RejectionReason.OVERLAPPING_LINE, "startDate");
        assertThat(result.getMessage()).contains(first).contains("HC_PERSONAL");
        assertThat(simulator.countServiceLinesForCpli(second)).isZero();
    }

    @Test
    void linesOfOtherElementTypesOrOtherDatesDoNotOverlap() {
        simulator.importServiceLine(unique("ref"), line(person, unique("C"), 1, APRIL, MAY.minusDays(1), "HC_PERSONAL"));

        ImportResult otherType = simulator.importServiceLine(unique("ref"), line(person, unique("C"), 1, APRIL, null, "HC_DOMESTIC"));
        ImportResult afterEnd = simulator.importServiceLine(unique("ref"), line(person, unique("C"), 1, MAY, null, "HC_PERSONAL"));

        assertThat(otherType.getStatus()).isEqualTo(ImportStatus.ACCEPTED);
        assertThat(afterEnd.getStatus()).isEqualTo(ImportStatus.ACCEPTED);
    }

    @Test
    void sameReferenceWithSameContentGetsTheStoredAnswerAndNoSecondLine() {
        String cpli = unique("C");
        String ref = unique("ref");
        ImportResult first = simulator.importServiceLine(ref, line(person, cpli, 1, MAY, null, "HC_PERSONAL"));

        ImportResult again = simulator.importServiceLine(ref, line(person, cpli, 1, MAY, null, "HC_PERSONAL"));

        assertThat(first.isDuplicate()).isFalse();
        assertThat(again.isDuplicate()).isTrue();
        assertThat(again.getStatus()).isEqualTo(ImportStatus.ACCEPTED);
        assertThat(again.getFinanceId()).isEqualTo(first.getFinanceId());
        assertThat(simulator.countServiceLinesForCpli(cpli)).isEqualTo(1);
        assertThat(simulator.getImportStatus(ref).getStatus()).isEqualTo(ImportStatus.ACCEPTED);
    }

    @Test
    void sameReferenceWithOtherContentIsRejectedDuplicateReference() {
        String ref = unique("ref");
        simulator.importServiceLine(ref, line(person, unique("C"), 1, MAY, null, "HC_PERSONAL"));
        String other = unique("C");

        ImportResult result = simulator.importServiceLine(ref, line(person, other, 1, MAY, null, "HC_DOMESTIC"));

        assertRejected(result, RejectionReason.DUPLICATE_REFERENCE, "importReference");
        assertThat(simulator.countServiceLinesForCpli(other)).isZero();
        assertThat(simulator.getImportStatus(ref).getStatus()).as("the first import's answer stands").isEqualTo(ImportStatus.ACCEPTED);
    }

    @Test
    void rejectedImportMayBeSentAgainUnderItsReferenceOnceTheCauseIsFixed() {
        String stranger = unique("P");
        String ref = unique("ref");
        ServiceLine line = line(stranger, unique("C"), 1, MAY, null, "HC_PERSONAL");
        assertRejected(simulator.importServiceLine(ref, line), RejectionReason.CLIENT_UNKNOWN, "personRef");
        simulator.importClient(unique("ref"), client(stranger));

        ImportResult retried = simulator.importServiceLine(ref, line);

        assertThat(retried.getStatus()).isEqualTo(ImportStatus.ACCEPTED);
        assertThat(retried.isDuplicate()).isFalse();
    }

    @Test
    void higherVersionOfALineReplacesItsDatesAndElements() {
        String cpli = unique("C");
        ImportResult created = simulator.importServiceLine(unique("ref"), line(person, cpli, 1, MAY, null, "HC_PERSONAL"));

        ImportResult updated = simulator.importServiceLine(unique("ref"),
                line(person, cpli, 2, MAY, MAY.plusMonths(2), "HC_PERSONAL", "HC_DOMESTIC"));

        assertThat(updated.getStatus()).isEqualTo(ImportStatus.UPDATED);
        assertThat(updated.getFinanceId()).isEqualTo(created.getFinanceId());
        ServiceLine held = simulator.serviceLines(cpli).get(0).line();
        assertThat(held.getCpliVersion()).isEqualTo(2);
        assertThat(held.getEndDate()).isEqualTo(MAY.plusMonths(2));
        assertThat(held.getElements()).extracting(e -> e.getElementType()).containsExactly("HC_PERSONAL", "HC_DOMESTIC");
        assertThat(simulator.countServiceLinesForCpli(cpli)).isEqualTo(1);
    }

    @Test
    void olderOrSameVersionUnderANewReferenceIsRejectedAsInvalid() {
        String cpli = unique("C");
        simulator.importServiceLine(unique("ref"), line(person, cpli, 2, MAY, null, "HC_PERSONAL"));

        ImportResult older = simulator.importServiceLine(unique("ref"), line(person, cpli, 1, MAY, MAY.plusDays(9), "HC_PERSONAL"));
        ImportResult same = simulator.importServiceLine(unique("ref"), line(person, cpli, 2, MAY, MAY.plusDays(9), "HC_PERSONAL"));

        assertRejected(older, RejectionReason.INVALID, "cpliVersion");
        assertThat(older.getMessage()).contains("version 1 is older than stored version 2");
        assertRejected(same, RejectionReason.INVALID, "cpliVersion");
        assertThat(simulator.serviceLines(cpli).get(0).line().getEndDate()).isNull();
    }

    @Test
    void referralIsMadeOnceWhileOpenAndFindClientShowsItsState() {
        assertThat(simulator.findClient(person).getAssessmentStatus()).isEqualTo(AssessmentStatus.NONE);

        ImportResult first = simulator.referForFinancialAssessment(unique("ref"), person, "Home care started", "test");
        ImportResult second = simulator.referForFinancialAssessment(unique("ref"), person, "Day care started", "test");

        assertThat(first.getStatus()).isEqualTo(ImportStatus.ACCEPTED);
        assertThat(second.getFinanceId()).isEqualTo(first.getFinanceId());
        assertThat(simulator.referrals(person)).hasSize(1);
        assertThat(simulator.findClient(person).getAssessmentStatus()).isEqualTo(AssessmentStatus.OPEN);
        assertThat(simulator.completeAssessment(first.getFinanceId())).isTrue();
        assertThat(simulator.findClient(person).getAssessmentStatus()).isEqualTo(AssessmentStatus.COMPLETED);
        assertThat(simulator.findClient(person).getAssessmentReferralId()).isEqualTo(first.getFinanceId());
    }

    @Test
    void referralForAPersonFinanceDoesNotKnowIsRejectedClientUnknown() {
        ImportResult result = simulator.referForFinancialAssessment(unique("ref"), unique("P"), "Home care started", "test");

        assertRejected(result, RejectionReason.CLIENT_UNKNOWN, "personRef");
    }

    @Test
    void importStatusOfAReferenceNeverSentIsUnknown() {
        assertThat(simulator.getImportStatus(unique("ref")).getStatus()).isEqualTo(ImportStatus.UNKNOWN);
    }

    private static void assertRejected(ImportResult result, RejectionReason reason, String field) {
        assertThat(result.getStatus()).isEqualTo(ImportStatus.REJECTED);
        assertThat(result.getReasonCode()).isEqualTo(reason);
        assertThat(result.getField()).isEqualTo(field);
        assertThat(result.getMessage()).isNotBlank();
    }    @Test
    void aBatchJudgesEachLineByTheSingleImportRulesAndItsResendAppliesNothingAgain() {
        String held = unique("C");
        simulator.importServiceLine(unique("ref"), line(person, held, 1, MAY, null, "HC_PERSONAL"));
        String fresh = unique("C");
        String batch = unique("cleanse") + "/1";
        List<ServiceLine> lines = List.of(
                line(person, held, 2, MAY, MAY.plusDays(30), "HC_PERSONAL"),                       // updated
                line(person, fresh, 1, MAY.plusDays(10), null, "HC_PERSONAL"),                      // overlaps the one before
                line(unique("P"), unique("C"), 1, MAY, null, "HC_PERSONAL"));                      // client unknown

        BatchImportResult first = simulator.importServiceLines(batch, lines);
        BatchImportResult again = simulator.importServiceLines(batch, lines);

        assertThat(first.getResult().getStatus()).isEqualTo(ImportStatus.ACCEPTED);
        assertThat(first.getLineResults()).extracting(ImportResult::getStatus)
                .containsExactly(ImportStatus.UPDATED, ImportStatus.REJECTED, ImportStatus.REJECTED);
        assertThat(first.getLineResults()).extracting(ImportResult::getReasonCode)
                .containsExactly(null, RejectionReason.OVERLAPPING_LINE, RejectionReason.CLIENT_UNKNOWN);
        assertThat(first.getLineResults().get(0).getImportReference()).isEqualTo(batch + "/" + held);
        assertThat(again.getResult().isDuplicate()).isTrue();
        assertThat(again.getLineResults()).extracting(ImportResult::getStatus)
                .containsExactly(ImportStatus.ACCEPTED, ImportStatus.REJECTED, ImportStatus.REJECTED);
        assertThat(again.getLineResults()).allMatch(ImportResult::isDuplicate);
        assertThat(simulator.serviceLines(held)).singleElement().satisfies(l -> {
            assertThat(l.line().getCpliVersion()).isEqualTo(2);
            assertThat(l.line().getEndDate()).isEqualTo(MAY.plusDays(30));
            assertThat(l.line().getElements()).hasSize(1);
        });
        assertThat(simulator.countServiceLinesForCpli(fresh)).isZero();
    }


}
