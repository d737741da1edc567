package org.carehub.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Age buckets and counts on a fixed clock: 30 March 2026 11:00 in London, the day after the clocks went
 * forward, so London's midnight (23:00 UTC the day before) is not UTC's.
 */
class BacklogSummaryTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOW = Instant.parse("2026-03-30T10:00:00Z");
    private static final Instant LONDON_MIDNIGHT = Instant.parse("2026-03-29T23:00:00Z");

    private final Backlog backlog = new Backlog(null, new BacklogProperties(3, LONDON), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_message_is_todays_from_london_midnight_and_yesterdays_just_before_it() {
        assertThat(bucket(LONDON_MIDNIGHT)).isEqualTo(AgeBucket.TODAY);
        assertThat(bucket(NOW)).isEqualTo(AgeBucket.TODAY);
        assertThat(bucket(LONDON_MIDNIGHT.minusSeconds(1))).isEqualTo(AgeBucket.UNDER_7_DAYS);
    }

    @Test
    void buckets_follow_calendar_days_waited_in_london() {
        assertThat(bucket(daysAgo(1))).isEqualTo(AgeBucket.UNDER_7_DAYS);
        assertThat(bucket(daysAgo(6))).isEqualTo(AgeBucket.UNDER_7_DAYS);
        assertThat(bucket(daysAgo(7))).isEqualTo(AgeBucket.UNDER_30_DAYS);
        assertThat(bucket(daysAgo(29))).isEqualTo(AgeBucket.UNDER_30_DAYS);
        assertThat(bucket(daysAgo(30))).isEqualTo(AgeBucket.OLDER);
        assertThat(bucket(daysAgo(400))).isEqualTo(AgeBucket.OLDER);
        assertThat(backlog.daysWaiting(item("J", "R", "T", daysAgo(29)))).isEqualTo(29);
    }

    @Test
    void a_message_without_a_first_failed_time_counts_as_todays() {
        assertThat(bucket(null)).isEqualTo(AgeBucket.TODAY);
    }

    @Test
    void counts_are_by_reason_owner_team_and_bucket_and_the_oldest_are_listed_first() {
        List<ParkedItem> items = List.of(
                item("J1", "CLIENT_NOT_REGISTERED", "SOCIAL_WORK", NOW.minusSeconds(60)),
                item("J2", "CLIENT_NOT_REGISTERED", "SOCIAL_WORK", NOW.minusSeconds(120)),
                item("J3", "CLIENT_NOT_REGISTERED", "SOCIAL_WORK", daysAgo(3)),
                item("J4", "UNKNOWN_PROVIDER", "CARE_NAVIGATION", daysAgo(10)),
                item("J5", "UNKNOWN_PROVIDER", "CARE_NAVIGATION", daysAgo(45)),
                item("J6", "UNKNOWN_PROVIDER", "CARE_NAVIGATION", daysAgo(44)));

        BacklogView view = backlog.summarise(items);

        assertThat(view.generatedAt()).isEqualTo(NOW);
        assertThat(view.totalParked()).isEqualTo(6);
        assertThat(view.counts()).containsExactly(
                new BacklogCount("CLIENT_NOT_REGISTERED", "SOCIAL_WORK", AgeBucket.TODAY, 2),
                new BacklogCount("CLIENT_NOT_REGISTERED", "SOCIAL_WORK", AgeBucket.UNDER_7_DAYS, 1),
                new BacklogCount("UNKNOWN_PROVIDER", "CARE_NAVIGATION", AgeBucket.UNDER_30_DAYS, 1),
                new BacklogCount("UNKNOWN_PROVIDER", "CARE_NAVIGATION", AgeBucket.OLDER, 2));
        assertThat(view.oldest()).extracting(ParkedItem::journeyId).containsExactly("J5", "J6", "J4");
    }

    private AgeBucket bucket(Instant firstFailedAt) {
        return AgeBucket.of(backlog.daysWaiting(item("J", "R", "T", firstFailedAt)));
    }

    private static Instant daysAgo(int days) {
        return NOW.atZone(LONDON).minusDays(days).toInstant();
    }

    static ParkedItem item(String journeyId, String reason, String owner, Instant firstFailedAt) {
        return new ParkedItem(journeyId, "carehub.las.events.parked", "las-events", reason, reason + " title",
                "explanation of " + journeyId, "careLine.providerRef", "PRV-999", "fix for " + reason, owner,
                "LAS-1", "CPLI-" + journeyId, "PRV-999", firstFailedAt,
                firstFailedAt == null ? null : firstFailedAt.plus(Duration.ofSeconds(1)), 1, "ID:" + journeyId);
    }
}
