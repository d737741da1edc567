package org.carehub.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * One namespace (a poller) as this hub sees it: it leads while it holds the namespace's lease, renewing it
 * every renewal interval; otherwise it tries to take the lease at each renewal and leads once it lapses.
 */
public class DatabaseClusterView extends AbstractCamelClusterView {

    private static final Logger log = LoggerFactory.getLogger(DatabaseClusterView.class);

    private final DatabaseClusterService service;
    private final Clock clock;
    private volatile boolean leading;
    private volatile Instant leadingUntil = Instant.MIN;
    private volatile String leaderId;
    private ScheduledFuture<?> renewals;

    DatabaseClusterView(DatabaseClusterService service, String namespace, Clock clock) {
        super(service, namespace);
        this.service = service;
        this.clock = clock;
    }

    @Override
    protected void doStart() {
        // Right away, so a hub on its own leads as soon as it starts.
        renew();
        renewals = service.executor().scheduleWithFixedDelay(this::renew, service.renewal().toMillis(),
                service.renewal().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Synchronized with renew(): a renewal under way when the hub stops must not take the lease back after it is let go. */
    @Override
    protected synchronized void doStop() {
        if (renewals != null) {
            renewals.cancel(false);
        }
        if (leading) {
            try {
                service.leases().release(getNamespace(), service.memberId());
            } catch (DataAccessException unreachable) {
                log.warn("Could not release the lease of {} (another hub takes it when it lapses): {}", getNamespace(),
                        unreachable.getMessage());
            }
            changeLeader(false, null);
        }
    }

    /** Takes or renews the lease; who leads is re-read from the table when another hub has it. */
    synchronized void renew() {
        Instant now = clock.instant();
        try {
            if (service.leases().takeOrRenew(getNamespace(), service.memberId(), service.expiry())) {
                leadingUntil = now.plus(service.expiry());
                changeLeader(true, service.memberId());
            } else {
                String other = service.leases().leases().stream().filter(lease -> lease.namespace().equals(getNamespace()))
                        .map(Lease::holder).findFirst().orElse(null);
                changeLeader(false, other);
            }
        } catch (DataAccessException unreachable) {
            // Without the database this hub cannot renew: it keeps leading only while its lease surely outlasts
            // the next renewal, so it has stopped before another hub can take the lease.
            boolean stillSafe = leading && now.plus(service.renewal()).isBefore(leadingUntil);
            log.warn("Could not renew the lease of {} ({}): {}", getNamespace(), stillSafe ? "still leading" : "stepping down",
                    unreachable.getMessage());
            changeLeader(stillSafe, stillSafe ? service.memberId() : null);
        }
    }

    private void changeLeader(boolean nowLeading, String newLeaderId) {
        boolean changed = nowLeading != leading || !Objects.equals(newLeaderId, leaderId);
        leading = nowLeading;
        leaderId = newLeaderId;
        if (changed) {
            log.info("{}: {}", getNamespace(), nowLeading ? "this hub (" + service.memberId() + ") leads"
                    : "led by " + (newLeaderId == null ? "no hub" : newLeaderId));
            fireLeadershipChangedEvent(getLeader().orElse(null));
        }
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        if (leading) {
            return Optional.of(getLocalMember());
        }
        return Optional.ofNullable(leaderId).map(id -> new LeaseMember(id, true, false));
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return new LeaseMember(service.memberId(), leading, true);
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        List<CamelClusterMember> members = new ArrayList<>(List.of(getLocalMember()));
        getLeader().filter(leader -> !leader.isLocal()).ifPresent(members::add);
        return members;
    }
}
