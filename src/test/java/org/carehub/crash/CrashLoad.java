package org.carehub.crash;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.carehub.cases.CareLine;
import org.carehub.cases.Client;
import org.carehub.cases.LasEvent;
import org.carehub.cases.LasEventType;
import org.carehub.cases.TestEvents;
import org.carehub.reference.MappingsLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The care-line events of a crash or outage test and their accounting against finance's own import log. Each client:
 * registered, then one care line created and changed to versions 2..{@value #LINE_VERSIONS}: ten events, in order.
 */
final class CrashLoad {

    static final int LINE_VERSIONS = 9;
    static final int EVENTS_PER_CLIENT = 1 + LINE_VERSIONS;

    private final List<List<LasEvent>> byClient = new ArrayList<>();
    /** Each event's import reference in finance, by the event's id and version. */
    private final Map<String, String> financeReference = new HashMap<>();
    private final Map<String, String> lastVersionOfLine = new HashMap<>();

    /** About {@code events} events (whole clients), with ids unique to this run ({@code run}). */
    CrashLoad(int events, String run) {
        TestEvents testEvents = new TestEvents(new MappingsLoader(Path.of("mappings")).load());
        LocalDate start = LocalDate.now().minusDays(30);
        for (int c = 1; c <= Math.max(1, events / EVENTS_PER_CLIENT); c++) {
            String id = run + "-" + c;
            Client client = TestEvents.client("LAS-" + id);
            CareLine line = withId(testEvents.goodCareLine(client.lasPersonId(), "HOMECARE", start), "CPLI-" + id);
            List<LasEvent> events1 = new ArrayList<>();
            events1.add(event("EV-" + id + "-C", LasEventType.CLIENT_REGISTERED, 1, client, null));
            for (int version = 1; version <= LINE_VERSIONS; version++) {
                LasEventType type = version == 1 ? LasEventType.CARE_LINE_CREATED : LasEventType.CARE_LINE_CHANGED;
                events1.add(event("EV-" + id + "-L" + version, type, version, null, line));
            }
            byClient.add(events1);
            lastVersionOfLine.put(line.cpliId(), String.valueOf(LINE_VERSIONS));
        }
    }

    private LasEvent event(String eventId, LasEventType type, int version, Client client, CareLine line) {
        LasEvent event = new LasEvent(eventId, version, type, OffsetDateTime.now(), client, line, null, null);
        // A client event is imported under its own key, a care line's service line under <key>/line (ContrOCCAdapter).
        financeReference.put(event.idempotencyKey(), line == null ? event.idempotencyKey() : event.idempotencyKey() + "/line");
        return event;
    }

    private static CareLine withId(CareLine l, String cpliId) {
        return new CareLine(cpliId, l.clientId(), l.serviceCode(), l.providerRef(), l.contractRef(), l.startDate(),
                l.endDate(), l.endReason(), l.elements(), l.nhsFunding());
    }

    List<List<LasEvent>> byClient() {
        return byClient;
    }

    int events() {
        return financeReference.size();
    }

    /**
     * Where the sent events are now. In finance: finance's import log holds the event's import as done (a reference
     * is held once, so "once" is by finance's own key). Duplicates: imports finance took that no sent event accounts
     * for (the same change imported again under another reference would be one).
     */
    Accounting account(Set<String> sent, DataSource finance, Map<String, Long> parkedByReason) {
        JdbcTemplate jdbc = new JdbcTemplate(finance);
        Set<String> done = new HashSet<>(jdbc.queryForList(
                "SELECT import_reference FROM sim_contrOCC_import WHERE status IN ('ACCEPTED', 'UPDATED')", String.class));
        long inFinance = sent.stream().filter(key -> done.contains(financeReference.get(key))).count();
        Set<String> ours = new HashSet<>(financeReference.values());
        long duplicates = done.stream().filter(reference -> reference.endsWith("/line") || !reference.contains("/"))
                .filter(reference -> !ours.contains(reference)).count();
        long linesAtLastVersion = jdbc.queryForList("SELECT cpli_id, cpli_version FROM sim_contrOCC_service_line").stream()
                .filter(row -> String.valueOf(row.get("cpli_version")).equals(lastVersionOfLine.get(String.valueOf(row.get("cpli_id")))))
                .count();
        long parked = parkedByReason.values().stream().mapToLong(Long::longValue).sum();
        return new Accounting(sent.size(), inFinance, parkedByReason, Math.max(0, sent.size() - inFinance - parked),
                duplicates, linesAtLastVersion);
    }

    /** The counts a crash or outage test prints and checks. */
    record Accounting(long sent, long inFinance, Map<String, Long> parkedByReason, long lost, long duplicates,
                      long linesAtLastVersion) {

        long parked() {
            return parkedByReason.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Every sent event is in finance or parked. */
        boolean accountedFor() {
            return inFinance + parked() >= sent;
        }

        @Override
        public String toString() {
            return "sent " + sent + ", in finance " + inFinance + ", parked " + parked() + " " + parkedByReason
                    + ", lost " + lost + ", duplicates " + duplicates + ", care lines at their last version "
                    + linesAtLastVersion;
        }
    }
}
