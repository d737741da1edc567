package org.carehub.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.carehub.TestDatabases;
import org.carehub.TestDatabases.Database;
import org.carehub.failures.AuditTrail.Subject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The failure desk audit (V3) on both supported databases: rows kept as written, found by journey and operator. */
class AuditTrailTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.carehub.TestDatabases#both")
    void actions_are_kept_with_who_when_what_why_and_found_newest_first(Database db) {
        Instant at = Instant.parse("2026-11-23T10:15:30Z");
        AuditTrail audit = new AuditTrail(new JdbcTemplate(db.dataSource()), Clock.fixed(at, ZoneOffset.UTC));
        ParkedItem item = new ParkedItem("J-1", "carehub.las.events.parked", "las-events", "UNKNOWN_PROVIDER", "t", "e",
                "careLine.providerRef", "PRV-9", "f", "CARE_NAVIGATION", "LAS-1", "CPLI-1", "PRV-9", at, at, 1, "ID:1");
        String payload = "{\"careLine\":{\"providerRef\":\"PRV-9\"}," + "\"note\":\"" + "x".repeat(5000) + "\"}";

        audit.record(new Subject("operator", "resubmit", "J-1", item, "typo"), "PRV-9", "PRV-001", "RESUBMITTED");
        audit.record(new Subject("viewer", "discard", "J-1", item, null), null, null, "REFUSED: why: say why");
        audit.record(new Subject("operator", "discard", "J-2", null, "created in error"), payload, null, "DISCARDED");

        assertThat(audit.search("J-1", null, 10)).extracting(AuditEntry::outcome)
                .containsExactly("REFUSED: why: say why", "RESUBMITTED");
        AuditEntry resubmit = audit.search("J-1", "operator", 10).get(0);
        assertThat(resubmit).isEqualTo(new AuditEntry(at.atOffset(ZoneOffset.UTC), "operator", "resubmit", "J-1",
                "carehub.las.events.parked", "UNKNOWN_PROVIDER", "typo", "PRV-9", "PRV-001", "RESUBMITTED"));
        assertThat(audit.search(null, "operator", 10)).extracting(AuditEntry::journeyId).containsExactly("J-2", "J-1");
        assertThat(audit.search("J-2", null, 10).get(0).before()).as("a whole discarded payload").isEqualTo(payload);
        assertThat(audit.search(null, null, 1)).hasSize(1);
    }
}
