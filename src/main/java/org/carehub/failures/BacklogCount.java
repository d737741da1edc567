package org.carehub.failures;

/** How many messages are parked for one reason, owned by one team, in one age bucket. */
public record BacklogCount(String reasonCode, String ownerTeam, AgeBucket ageBucket, long count) {
}
