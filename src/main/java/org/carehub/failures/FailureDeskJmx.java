package org.carehub.failures;

import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.carehub.channels.HubMBeans;
import org.springframework.stereotype.Component;

/**
 * Registers the failure desk on the platform MBean server, the one Jolokia and Hawtio read. Every
 * operation goes through {@link FailureDesk}, so it is audited like a REST call (as the user signed in
 * to Jolokia, or "carehub" from a local JMX console).
 */
@Component
class FailureDeskJmx implements FailureDeskMBean, InitializingBean, DisposableBean {

    static final String TYPE = "FailureDesk";

    private final FailureDesk desk;
    private final ParkedQueues parked;
    private final JourneyLedger ledger;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName name;

    FailureDeskJmx(FailureDesk desk, ParkedQueues parked, JourneyLedger ledger,
                   @Value("${" + HubMBeans.HUB_NAME_PROPERTY + "}") String hubName) {
        this.desk = desk;
        this.parked = parked;
        this.ledger = ledger;
        this.name = HubMBeans.hubMBean(hubName, TYPE);
    }

    @Override
    public void afterPropertiesSet() throws JMException {
        server.registerMBean(new StandardMBean(this, FailureDeskMBean.class), name);
    }

    @Override
    public void destroy() throws JMException {
        server.unregisterMBean(name);
    }

    @Override
    public String[] listParked(String reasonCode, String ownerTeam) {
        return parked.list(new ParkedFilter(null, blankToNull(reasonCode), blankToNull(ownerTeam), null, null, null, null))
                .stream()
                .map(i -> String.join(" | ", i.journeyId(), i.reasonCode(), i.ownerTeam(), "client " + i.clientId(),
                        "care line " + i.careLineId(), "first failed " + i.firstFailedAt(), "attempts " + i.attempts()))
                .toArray(String[]::new);
    }

    @Override
    public String explain(String journeyId) {
        return parked.find(journeyId).map(m -> {
            ParkedItem i = m.item();
            String steps = ledger.find(journeyId).map(j -> j.steps().stream()
                    .map(s -> "  " + s.at() + " " + s.step() + " " + s.outcome() + (s.detail() == null ? "" : " — " + s.detail()))
                    .collect(Collectors.joining("\n"))).orElse("  (no journey recorded)");
            return """
                    %s (%s): %s
                    %s
                    field %s = %s
                    fix: %s
                    owner team: %s; queue %s; first failed %s; attempts %d
                    journey so far:
                    %s
                    payload:
                    %s""".formatted(i.reasonCode(), i.reasonTitle(), journeyId, i.explanation(), i.field(), i.value(),
                    i.fix(), i.ownerTeam(), i.queue(), i.firstFailedAt(), i.attempts(), steps, m.payload());
        }).orElse("journey " + journeyId + " is not parked");
    }

    @Override
    public String retry(String journeyId, String why) {
        return answer(() -> desk.retry(journeyId, blankToNull(why)).summary());
    }

    @Override
    public String retryAll(String reasonCode, String why) {
        return answer(() -> desk.retryAll(ParkedFilter.byReason(blankToNull(reasonCode)), why).summary());
    }

    @Override
    public String resubmit(String journeyId, String field, String value, String why) {
        return answer(() -> {
            FailureDesk.Resubmitted r = desk.resubmit(journeyId, field, value == null ? null : TextNode.valueOf(value), why);
            return "resubmitted " + r.journeyId() + ": " + r.field() + " " + r.before() + " → " + r.after();
        });
    }

    @Override
    public String discard(String journeyId, String why) {
        return answer(() -> desk.discard(journeyId, why).summary());
    }

    /** Hawtio shows an answer better than a stack trace: a refused request says what to change. */
    private static String answer(Supplier<String> action) {
        try {
            return action.get();
        } catch (DeskRequestException refused) {
            return "refused: " + refused.field() + ": " + refused.getMessage();
        } catch (NotParkedException notParked) {
            return notParked.getMessage();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
