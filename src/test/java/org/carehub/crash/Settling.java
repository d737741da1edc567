package org.carehub.crash;

import java.time.Duration;
import org.carehub.ContrOCCProcess;
import org.carehub.HubProcess;
import org.carehub.crash.CrashLoad.Accounting;

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
        Accounting counts = load.account(loader.sent(), finance.database(), hub.parkedByReason());
        long lastMoved = System.nanoTime();
        long accounted = counts.inFinance() + counts.parked();
        while (!counts.accountedFor() && System.nanoTime() - lastMoved < noProgress.toNanos()) {
            Thread.sleep(POLL.toMillis());
            counts = load.account(loader.sent(), finance.database(), hub.parkedByReason());
            if (counts.inFinance() + counts.parked() > accounted) {
                accounted = counts.inFinance() + counts.parked();
                lastMoved = System.nanoTime();
            }
        }
        return counts;
    }
}
