package org.carehub.cluster;

import java.time.Instant;

/** Who leads a namespace (a poller's route id) and until when, as the lease table says. */
public record Lease(String namespace, String holder, Instant expiresAt) {

    public boolean heldAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
