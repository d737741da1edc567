package org.carehub.failures;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carehub.failures.AuditTrail.Subject;
import org.carehub.reference.FailureReason;
import org.carehub.reference.ReferenceData;
import org.carehub.security.Operators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What support staff do with parked messages — retry one, some or all of a reason, edit and
 * resubmit, discard — the same for REST, JMX and the hub's own retry after a mappings reload.
 * Each message is moved in its own transaction; every action, refused and failed ones included,
 * is written to the audit trail and the journey ledger.
 */
@Service
public class FailureDesk {

    private static final Logger log = LoggerFactory.getLogger(FailureDesk.class);

    static final String RETRIED = "retried";
    static final String RESUBMITTED = "resubmitted";
    static final String DISCARDED = "discarded";

    private final ParkedQueues parked;
    private final ParkedMover mover;
    private final JourneyLedger ledger;
    private final AuditTrail audit;
    private final ReferenceData reference;
    private final ObjectMapper json;
    private final Map<String, ParkedFlow> flows;

    public FailureDesk(ParkedQueues parked, ParkedMover mover, JourneyLedger ledger, AuditTrail audit,
                       ReferenceData reference, ObjectMapper json, List<ParkedFlow> flows) {
        this.parked = parked;
        this.mover = mover;
        this.ledger = ledger;
        this.audit = audit;
        this.reference = reference;
        this.json = json;
        this.flows = flows.stream().collect(Collectors.toMap(ParkedFlow::flow, Function.identity()));
    }

    /** An edit-and-resubmit: the field edited and its value before and after. */
    public record Resubmitted(String journeyId, String field, String before, String after) {
    }

    /** Sends one parked message back to its flow; the reason is optional for a single retry. */
    public BulkResult retry(String journeyId, String why) {
        String operator = Operators.current();
        requireJourneyId(operator, "retry", journeyId, why);
        return retryEach(operator, "retry", List.of(target(journeyId)), why);
    }

    /** Sends the selected parked messages back to their flows, each in its own transaction. */
    public BulkResult retry(List<String> journeyIds, String why) {
        String operator = Operators.current();
        Subject request = new Subject(operator, "retry-selected", null, null, why);
        if (journeyIds == null || journeyIds.isEmpty() || journeyIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw refused(request, "journeyIds", "name at least one journey id, and no blank ones");
        }
        requireWhy(request);
        BulkResult result = retryEach(operator, "retry", journeyIds.stream().distinct().map(this::target).toList(), why);
        audit.record(request, String.join(",", journeyIds), null, result.summary());
        return result;
    }

    /**
     * Sends back every parked message of a reason (optionally only one owner team's or flow's), e.g.
     * after a mapping was fixed. The messages are chosen once, before the first is moved, so one that
     * fails again and is parked anew is not picked up a second time.
     */
    public BulkResult retryAll(ParkedFilter filter, String why) {
        return retryAll(Operators.current(), "retry-all", filter, why);
    }

    BulkResult retryAll(String operator, String action, ParkedFilter filter, String why) {
        Subject request = new Subject(operator, action, null, null, why);
        String reasonCode = filter.reasonCode();
        if (reasonCode == null || reasonCode.isBlank()) {
            throw refused(request, "reasonCode", "name the reason code whose parked messages are to be retried");
        }
        if (reference.reasons().stream().map(FailureReason::code).noneMatch(reasonCode::equals)) {
            throw refused(request, "reasonCode", "no reason " + reasonCode + " in the reason catalogue");
        }
        requireWhy(request);
        return retryItems(request, parked.list(filter), why);
    }

    /** Retries these parked items (already chosen by the caller) and audits the bulk action as a whole. */
    BulkResult retryItems(Subject request, List<ParkedItem> items, String why) {
        List<Target> targets = items.stream().map(i -> new Target(i.journeyId(), Optional.of(i))).toList();
        BulkResult result = retryEach(request.operator(), "retry", targets, why);
        audit.record(request, null, null, result.summary());
        log.info("{} by {} ({}): {}", request.action(), request.operator(), why, result.summary());
        return result;
    }

    /**
     * Edits one field of a parked JSON payload and sends it back to its flow, which checks it again
     * from the start. The value before and after is kept in the audit and the journey.
     *
     * @param field a JSON pointer into the payload, e.g. {@code /careLine/providerRef}; it must exist
     * @param value the new value; text replacing a number, flag, object or list is read as JSON
     */
    public Resubmitted resubmit(String journeyId, String field, JsonNode value, String why) {
        String operator = Operators.current();
        requireJourneyId(operator, "resubmit", journeyId, why);
        ParkedMessage parkedMessage = parkedMessage(operator, "resubmit", journeyId, why);
        ParkedItem item = parkedMessage.item();
        Subject subject = new Subject(operator, "resubmit", journeyId, item, why);
        requireWhy(subject);
        JsonPointer pointer = pointer(subject, field);
        if (value == null || value.isMissingNode()) {
            throw refused(subject, "value", "give the new value of " + field);
        }
        // Checked on the browsed copy (a parked message never changes), so a refused edit never touches the queue.
        Edited edit = edit(subject, parkedMessage.payload(), pointer, value);
        JourneyStatus was = ledger.statusOf(journeyId).orElse(null);
        try {
            Optional<Resubmitted> done = mover.move(item.queue(), journeyId, (message, session) -> {
                ParkedMover.sendBack(message, session, edit.payload(), edit.headers());
                requeued(journeyId, was, RESUBMITTED, operator,
                        field + ": " + edit.result().before() + " → " + edit.result().after() + "; " + why);
                return edit.result();
            });
            if (done.isEmpty()) {
                audit.record(subject, null, null, "NOT_FOUND: no longer parked");
                throw new NotParkedException(journeyId);
            }
            audit.record(subject, done.get().before(), done.get().after(), "RESUBMITTED");
            return done.get();
        } catch (JMSException | IllegalStateException failed) {
            notMoved(subject, was, JourneyStatus.QUEUED, RESUBMITTED, failed);
            throw new IllegalStateException("journey " + journeyId + " could not be resubmitted and is still parked: "
                    + failed.getMessage(), failed);
        }
    }

    /** Takes a parked message off its queue for good; the reason is mandatory and the payload is kept in the audit. */
    public BulkResult discard(String journeyId, String why) {
        String operator = Operators.current();
        requireJourneyId(operator, "discard", journeyId, why);
        requireWhy(new Subject(operator, "discard", journeyId, null, why));
        Target target = target(journeyId);
        Subject subject = new Subject(operator, "discard", journeyId, target.item().orElse(null), why);
        if (target.item().isEmpty()) {
            audit.record(subject, null, null, "NOT_FOUND: not parked");
            return new BulkResult(DISCARDED, 1, 0, List.of(journeyId), List.of());
        }
        JourneyStatus was = ledger.statusOf(journeyId).orElse(null);
        try {
            Optional<String> payload = mover.move(target.item().get().queue(), journeyId, (message, session) -> {
                if (was != null) {
                    ledger.statusIf(journeyId, was, JourneyStatus.DISCARDED);
                }
                ledger.step(journeyId, DISCARDED, "BY " + operator, why);
                return ParkedQueues.payload(message);
            });
            if (payload.isEmpty()) {
                audit.record(subject, null, null, "NOT_FOUND: no longer parked");
                return new BulkResult(DISCARDED, 1, 0, List.of(journeyId), List.of());
            }
            audit.record(subject, payload.get(), null, "DISCARDED");
            return new BulkResult(DISCARDED, 1, 1, List.of(), List.of());
        } catch (JMSException | RuntimeException failed) {
            notMoved(subject, was, JourneyStatus.DISCARDED, DISCARDED, failed);
            return new BulkResult(DISCARDED, 1, 0, List.of(), List.of(new BulkResult.Failure(journeyId, describe(failed))));
        }
    }

    /** A journey to act on, with its parked item if it is parked. */
    private record Target(String journeyId, Optional<ParkedItem> item) {
    }

    private Target target(String journeyId) {
        return new Target(journeyId, parked.find(journeyId).map(ParkedMessage::item));
    }

    private BulkResult retryEach(String operator, String action, List<Target> targets, String why) {
        int done = 0;
        List<String> notFound = new ArrayList<>();
        List<BulkResult.Failure> failed = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            String journeyId = target.journeyId();
            Subject subject = new Subject(operator, action, journeyId, target.item().orElse(null), why);
            if (target.item().isEmpty()) {
                audit.record(subject, null, null, "NOT_FOUND: not parked");
                notFound.add(journeyId);
                continue;
            }
            JourneyStatus was = ledger.statusOf(journeyId).orElse(null);
            try {
                boolean moved = mover.move(target.item().get().queue(), journeyId, (message, session) -> {
                    ParkedMover.sendBack(message, session, null, Map.of());
                    requeued(journeyId, was, RETRIED, operator, why);
                    return true;
                }).isPresent();
                if (moved) {
                    audit.record(subject, null, null, "RETRIED");
                    done++;
                } else {
                    audit.record(subject, null, null, "NOT_FOUND: no longer parked");
                    notFound.add(journeyId);
                }
            } catch (ParkedMover.BrokerUnreachableException down) {
                // Every further move would wait for the broker in vain: the rest stay parked, untouched, and say so.
                for (Target untouched : targets.subList(i, targets.size())) {
                    String error = "not attempted: " + describe(down);
                    audit.record(new Subject(operator, action, untouched.journeyId(), untouched.item().orElse(null), why),
                            null, null, "FAILED: " + error);
                    failed.add(new BulkResult.Failure(untouched.journeyId(), error));
                }
                log.warn("{} by {} stopped: {}; {} messages left parked", action, operator, describe(down),
                        targets.size() - i);
                break;
            } catch (JMSException | RuntimeException e) {
                notMoved(subject, was, JourneyStatus.QUEUED, RETRIED, e);
                failed.add(new BulkResult.Failure(journeyId, describe(e)));
            }
        }
        return new BulkResult(RETRIED, targets.size(), done, notFound, failed);
    }

    /**
     * Written inside the move's transaction, before its commit: once committed, a consumer may take the
     * message at once, and its progress must not be overwritten by ours.
     */
    private void requeued(String journeyId, JourneyStatus was, String step, String operator, String why) {
        ledger.step(journeyId, step, "BY " + operator, why);
        if (was != null) {
            ledger.statusIf(journeyId, was, JourneyStatus.QUEUED);
        }
    }

    /** The move was rolled back: the message is still parked, and the journey says so again. */
    private void notMoved(Subject subject, JourneyStatus was, JourneyStatus setTo, String step, Exception failure) {
        String error = describe(failure);
        log.warn("{} of journey {} by {} failed; it is still parked: {}", subject.action(), subject.journeyId(),
                subject.operator(), error);
        if (was != null) {
            ledger.statusIf(subject.journeyId(), setTo, was);
        }
        ledger.step(subject.journeyId(), step, "FAILED", error + " — still parked");
        audit.record(subject, null, null, "FAILED: " + error);
    }

    /** An edited payload, ready to send: the new text, the headers derived from it, the before and after. */
    private record Edited(String payload, Map<String, Object> headers, Resubmitted result) {
    }

    private Edited edit(Subject subject, String payload, JsonPointer pointer, JsonNode value) {
        String field = pointer.toString();
        JsonNode root;
        try {
            root = payload == null ? null : json.readTree(payload);
        } catch (JsonProcessingException notJson) {
            root = null;
        }
        if (root == null || !root.isContainerNode()) {
            throw refused(subject, "field", "the parked payload is not JSON; only JSON payloads can be edited");
        }
        JsonNode existing = root.at(pointer);
        JsonNode parent = root.at(pointer.head());
        if (existing.isMissingNode() || !(parent instanceof ObjectNode || parent instanceof ArrayNode)) {
            throw refused(subject, "field", "the payload has no " + field);
        }
        JsonNode replacement = replacement(subject, existing, value);
        if (parent instanceof ObjectNode object) {
            object.set(pointer.last().getMatchingProperty(), replacement);
        } else {
            ((ArrayNode) parent).set(pointer.last().getMatchingIndex(), replacement);
        }
        String edited = root.toString();
        Map<String, Object> headers;
        try {
            headers = Optional.ofNullable(flows.get(subject.item().flow())).map(flow -> flow.headersFor(edited))
                    .orElse(Map.of());
        } catch (IllegalArgumentException unreadable) {
            throw refused(subject, "value", unreadable.getMessage());
        }
        return new Edited(edited, headers, new Resubmitted(subject.journeyId(), field, text(existing), text(replacement)));
    }

    private JsonNode replacement(Subject subject, JsonNode existing, JsonNode value) {
        if (!value.isTextual() || existing.isTextual() || existing.isNull()) {
            return value;
        }
        try {
            return json.readTree(value.asText());
        } catch (JsonProcessingException notJson) {
            throw refused(subject, "value", subject.journeyId() + ": " + existing.getNodeType().name().toLowerCase()
                    + " expected, '" + value.asText() + "' is not one");
        }
    }

    private JsonPointer pointer(Subject subject, String field) {
        if (field == null || field.isBlank()) {
            throw refused(subject, "field", "name the field to edit as a JSON pointer, e.g. /careLine/providerRef");
        }
        try {
            JsonPointer pointer = JsonPointer.compile(field);
            if (pointer.matches()) {
                throw refused(subject, "field", "name a field inside the payload, not the whole payload");
            }
            return pointer;
        } catch (IllegalArgumentException malformed) {
            throw refused(subject, "field", "'" + field + "' is not a JSON pointer (it starts with /, e.g. /careLine/providerRef)");
        }
    }

    private ParkedMessage parkedMessage(String operator, String action, String journeyId, String why) {
        Optional<ParkedMessage> item = parked.find(journeyId);
        if (item.isEmpty()) {
            audit.record(new Subject(operator, action, journeyId, null, why), null, null, "NOT_FOUND: not parked");
            throw new NotParkedException(journeyId);
        }
        return item.get();
    }

    private void requireJourneyId(String operator, String action, String journeyId, String why) {
        if (journeyId == null || journeyId.isBlank()) {
            throw refused(new Subject(operator, action, null, null, why), "journeyId", "name the journey");
        }
    }

    private void requireWhy(Subject subject) {
        if (subject.why() == null || subject.why().isBlank()) {
            throw refused(subject, "why", "say why: the reason is kept in the audit");
        }
    }

    private DeskRequestException refused(Subject subject, String field, String error) {
        audit.record(subject, null, null, "REFUSED: " + field + ": " + error);
        return new DeskRequestException(field, error);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
