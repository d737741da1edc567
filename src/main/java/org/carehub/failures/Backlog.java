package org.carehub.failures;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The backlog of parked messages: counts by reason × owner team × age bucket and the longest-waiting
 * items. Read afresh from the parked queues on every call, so it is never stale.
 */
@Component
public class Backlog {

    private static final Comparator<BacklogCount> ORDER = Comparator
            .comparing(BacklogCount::reasonCode, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(BacklogCount::ownerTeam, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(BacklogCount::ageBucket);

    private final ParkedQueues parkedQueues;
    private final BacklogProperties properties;
    private final Clock clock;

    @Autowired
    public Backlog(ParkedQueues parkedQueues, BacklogProperties properties) {
        this(parkedQueues, properties, Clock.systemUTC());
    }

    Backlog(ParkedQueues parkedQueues, BacklogProperties properties, Clock clock) {
        this.parkedQueues = parkedQueues;
        this.properties = properties;
        this.clock = clock;
    }

    public BacklogView view() {
        return summarise(parkedQueues.list(ParkedFilter.ALL));
    }

    /** Every parked message, oldest first (for the owner teams' digest). */
    public List<ParkedItem> items() {
        return parkedQueues.list(ParkedFilter.ALL);
    }

    /** Calendar days the item has waited, in the council's zone (0 = failed today). */
    public long daysWaiting(ParkedItem item) {
        return AgeBucket.daysWaiting(item.firstFailedAt(), clock.instant(), properties.zone());
    }

    BacklogView summarise(List<ParkedItem> items) {
        Instant now = clock.instant();
        Map<BacklogCount, Long> counted = items.stream().collect(Collectors.groupingBy(
                item -> new BacklogCount(item.reasonCode(), item.ownerTeam(), AgeBucket.of(daysWaiting(item)), 0),
                () -> new TreeMap<>(ORDER), Collectors.counting()));
        List<BacklogCount> counts = counted.entrySet().stream()
                .map(e -> new BacklogCount(e.getKey().reasonCode(), e.getKey().ownerTeam(), e.getKey().ageBucket(),
                        e.getValue()))
                .toList();
        List<ParkedItem> oldest = items.stream()
                .sorted(Comparator.comparing(ParkedItem::firstFailedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ParkedItem::journeyId, Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(Math.max(properties.oldestItems(), 0))
                .toList();
        return new BacklogView(now, items.size(), counts, oldest);
    }
}
