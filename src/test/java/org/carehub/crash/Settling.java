package org.carehub.crash;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.carehub.ContrOCCProcess;
import org.carehub.HubProcess;
import org.carehub.HubTest;
import org.carehub.crash.CrashLoad.Accounting;
import org.carehub.failures.BacklogCount;
import org.carehub.failures.BacklogView;

/** Waiting for a hub to finish the events it accepted, and the counts at the end. */
final class Settling {

    private static final Duration POLL = Duration.ofSeconds(2);

    private Settling() {
    }

    /**
     * Waits until every sent event is in finance or parked, or until nothing moved for {@code noProgress} (what is
     * missing then is reported as lost by the counts).
     */
    static Accounting awaitAccounted(CrashLoad load, LasLoader loader, ContrOCCProcess finance, HubProcess hub,
                                     Duration noProgress) throws InterruptedException {
        Accounting counts = load.account(loader.sent(), finance.database(), parkedByReason(hub));
        long lastMoved = System.nanoTime();
        long accounted = counts.inFinance() + counts.parked();
        while (!counts.accountedFor() && System.nanoTime() - lastMoved < noProgress.toNanos()) {
            Thread.sleep(POLL.toMillis());
            counts = load.account(loader.sent(), finance.database(), parkedByReason(hub));
            if (counts.inFinance() + counts.parked() > accounted) {
                accounted = counts.inFinance() + counts.parked();
                lastMoved = System.nanoTime();
            }
        }
        return counts;
    }

    /** The hub's parked messages by reason code (its backlog). */
    static Map<String, Long> parkedByReason(HubProcess hub) {
        BacklogView backlog = HubTest.as(HubTest.VIEWER).get().uri(hub.baseUrl() + "/api/backlog").retrieve()
                .body(BacklogView.class);
        Map<String, Long> byReason = new TreeMap<>();
        List<BacklogCount> counts = backlog == null ? List.of() : backlog.counts();
        counts.forEach(count -> byReason.merge(count.reasonCode(), count.count(), Long::sum));
        return byReason;
    }
}
