package org.carehub.failures;

import java.time.Instant;

/**
 * Which parked messages to show; every criterion is optional (null = any).
 *
 * @param minAgeDays only messages that first failed at least this many whole days ago
 * @param maxAgeDays only messages that first failed at most this many whole days ago
 */
public record ParkedFilter(String flow, String reasonCode, String ownerTeam, String providerRef, String clientId,
                           Integer minAgeDays, Integer maxAgeDays) {

    public static final ParkedFilter ALL = new ParkedFilter(null, null, null, null, null, null, null);

    public static ParkedFilter byReason(String reasonCode) {
        return new ParkedFilter(null, reasonCode, null, null, null, null, null);
    }

    public boolean matches(ParkedItem item, Instant now) {
        long age = item.ageDays(now);
        return same(flow, item.flow()) && same(reasonCode, item.reasonCode()) && same(ownerTeam, item.ownerTeam())
                && same(providerRef, item.providerRef()) && same(clientId, item.clientId())
                && (minAgeDays == null || age >= minAgeDays) && (maxAgeDays == null || age <= maxAgeDays);
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || wanted.isBlank() || wanted.equals(actual);
    }
}
