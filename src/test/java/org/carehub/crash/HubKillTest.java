package org.carehub.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.carehub.ContrOCCProcess;
import org.carehub.HubProcess;
import org.carehub.HubTest;
import org.carehub.StandaloneHub;
import org.carehub.crash.CrashLoad.Accounting;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hub killed outright (kill -9) at random moments while LAS sends care-line events, and restarted each time on
 * the same data folder: its default profile, H2 file database and embedded Artemis journal in that folder. Finance is
 * ContrOCC's simulator as a process of its own, with its own persistent state. At the end every event LAS had
 * accepted is in finance exactly once or parked with a reason: nothing lost, nothing twice.
 * <p>CI runs a short version; the full one (docs/crash-tests.md):
 * {@code -Dcarehub.crash.events=10000 -Dcarehub.crash.rounds=5}, and {@code -Dcarehub.crash.seed=} repeats a run.
 */
@Tag(StandaloneHub.TAG)
class HubKillTest {

    private static final int EVENTS = Integer.getInteger("carehub.crash.events", 1_000);
    private static final int ROUNDS = Integer.getInteger("carehub.crash.rounds", 2);
    private static final long SEED = Long.getLong("carehub.crash.seed", System.nanoTime());
    /** The events stop reaching finance for this long (stuck, or lost): the test stops waiting and reports. */
    private static final Duration NO_PROGRESS = Duration.ofSeconds(120);

    private final Path dir = HubTest.newTestDir("hub-kill-");

    @Test
    void every_event_is_in_finance_once_or_parked_after_the_hub_is_killed_mid_load() throws Exception {
        Random random = new Random(SEED);
        CrashLoad load = new CrashLoad(EVENTS, Long.toString(Math.floorMod(SEED, 36L * 36 * 36 * 36 * 36 * 36), 36));
        // Kill moments: after a seeded random number of accepted events each, in order, within the load.
        List<Integer> killAfter = IntStream.range(0, ROUNDS).map(round -> load.events() / 10
                + random.nextInt(load.events() * 8 / 10)).sorted().boxed().toList();
        System.out.printf("HubKillTest: %d events, %d kills after %s accepted events, seed %d (-Dcarehub.crash.seed=%d repeats it)%n",
                load.events(), ROUNDS, killAfter, SEED, SEED);
        long started = System.nanoTime();
        try (ContrOCCProcess finance = ContrOCCProcess.start(dir.resolve("contrOCC"))) {
            List<String> settings = List.of("--carehub.finance.controcc.url=" + finance.importServiceUrl());
            Path hubData = dir.resolve("hub");
            AtomicReference<HubProcess> hub = new AtomicReference<>(HubProcess.start("hub", hubData, settings));
            LasLoader loader = new LasLoader(() -> hub.get().baseUrl(), 4);
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> loader.publish(load.byClient()));
            for (int round = 0; round < ROUNDS; round++) {
                int after = killAfter.get(round);
                await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(50))
                        .until(() -> loader.sent().size() >= after || publishing.isDone());
                hub.get().kill();
                System.out.printf("HubKillTest: round %d: killed after %d accepted events, %d of them in finance;"
                                + " broker journal %s%n", round + 1, loader.sent().size(),
                        load.account(loader.sent(), finance.database(), Map.of()).inFinance(), BrokerJournal.describe(hubData));
                hub.set(HubProcess.start("hub", hubData, settings));
                System.out.printf("HubKillTest: round %d: restarted on the same data folder; broker journal %s%n",
                        round + 1, BrokerJournal.describe(hubData));
            }
            publishing.join();
            Accounting counts = Settling.awaitAccounted(load, loader, finance, hub.get(), NO_PROGRESS);
            System.out.printf("HubKillTest: %s; %d sends tried again while the hub was down; %d rounds in %d s%n",
                    counts, loader.retries(), ROUNDS, Duration.ofNanos(System.nanoTime() - started).toSeconds());
            hub.get().close();

            assertThat(counts.sent()).as("events LAS sent").isEqualTo(load.events());
            assertThat(counts.lost()).as("lost").isZero();
            assertThat(counts.duplicates()).as("duplicates").isZero();
            assertThat(counts.inFinance() + counts.parked()).as("in finance or parked").isEqualTo(counts.sent());
        }
    }
}
