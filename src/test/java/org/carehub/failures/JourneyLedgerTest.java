package org.carehub.failures;

import static org.assertj.core.api.Assertions.assertThat;

import org.carehub.TestDatabases;
import org.carehub.TestDatabases.Database;
import org.carehub.failures.JourneyLedger.Opening;
import org.carehub.failures.JourneyLedger.Subject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The journey ledger on both supported databases: idempotent opening, steps in order, search. */
class JourneyLedgerTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.carehub.TestDatabases#both")
    void the_same_event_id_and_version_opens_one_journey(Database db) {
        JourneyLedger ledger = new JourneyLedger(new JdbcTemplate(db.dataSource()));
        Subject subject = new Subject("las-events", "REST", "EV-1", 3, "CARE_LINE_CREATED", "P1", "CPLI-1");

        Opening first = ledger.open(subject, JourneyStatus.ACCEPTING);
        ledger.status(first.journeyId(), JourneyStatus.QUEUED);
        Opening again = ledger.open(subject, JourneyStatus.ACCEPTING);
        Opening nextVersion = ledger.open(new Subject("las-events", "REST", "EV-1", 4, "CARE_LINE_CHANGED", "P1", "CPLI-1"),
                JourneyStatus.ACCEPTING);

        assertThat(first.alreadyKnown()).isFalse();
        assertThat(again.alreadyKnown()).isTrue();
        assertThat(again.journeyId()).isEqualTo(first.journeyId());
        assertThat(again.status()).isEqualTo(JourneyStatus.QUEUED);
        assertThat(nextVersion.journeyId()).isNotEqualTo(first.journeyId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.carehub.TestDatabases#both")
    void a_parked_journey_keeps_its_reason_and_every_step_in_order(Database db) {
        JourneyLedger ledger = new JourneyLedger(new JdbcTemplate(db.dataSource()));
        String id = ledger.open(new Subject("las-events", "SOAP", "EV-2", 1, "CARE_LINE_CREATED", "P2", "CPLI-2"),
                JourneyStatus.ACCEPTING).journeyId();
        ledger.step(id, "queued", "OK", "carehub.las.events");
        ledger.parked(id, "RATE_NOT_ON_RATE_CARD", "CARE_NAVIGATION", "rate 19.00 is not the card's 21.50");

        Journey journey = ledger.find(id).orElseThrow();
        assertThat(journey.status()).isEqualTo(JourneyStatus.PARKED);
        assertThat(journey.reasonCode()).isEqualTo("RATE_NOT_ON_RATE_CARD");
        assertThat(journey.ownerTeam()).isEqualTo("CARE_NAVIGATION");
        assertThat(journey.steps()).extracting(Journey.Step::step).containsExactly("received", "queued", "parked");
        assertThat(ledger.search("P2", null, 10)).extracting(Journey::journeyId).containsExactly(id);
        assertThat(ledger.search(null, "CPLI-2", 10)).extracting(Journey::journeyId).containsExactly(id);
        assertThat(ledger.search("P-nobody", null, 10)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.carehub.TestDatabases#both")
    void refused_input_without_an_event_id_opens_a_journey_each_time(Database db) {
        JourneyLedger ledger = new JourneyLedger(new JdbcTemplate(db.dataSource()));
        Subject unreadable = new Subject("las-events", "REST", null, null, null, null, null);

        Opening one = ledger.open(unreadable, JourneyStatus.REFUSED);
        Opening two = ledger.open(unreadable, JourneyStatus.REFUSED);

        assertThat(one.alreadyKnown()).isFalse();
        assertThat(two.alreadyKnown()).isFalse();
        assertThat(two.journeyId()).isNotEqualTo(one.journeyId());
    }
}
