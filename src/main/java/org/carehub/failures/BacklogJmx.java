package org.carehub.failures;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Objects;
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
 * Publishes the backlog as {@code org.carehub:hub=<name>,type=Backlog} on the platform MBean server, where Hawtio's JMX
 * tab and Jolokia find it. Attributes are read afresh from the parked queues on every read.
 */
@Component
public class BacklogJmx implements BacklogMBean, InitializingBean, DisposableBean {

    public static final String TYPE = "Backlog";

    private final Backlog backlog;
    private final BacklogDigest digest;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName name;

    public BacklogJmx(Backlog backlog, BacklogDigest digest, @Value("${" + HubMBeans.HUB_NAME_PROPERTY + "}") String hubName) {
        this.backlog = backlog;
        this.digest = digest;
        this.name = HubMBeans.hubMBean(hubName, TYPE);
    }

    @Override
    public long getTotalParked() {
        return backlog.view().totalParked();
    }

    @Override
    public String[] getCounts() {
        return backlog.view().counts().stream()
                .map(c -> line(c.reasonCode(), c.ownerTeam(), c.ageBucket(), c.count()))
                .toArray(String[]::new);
    }

    @Override
    public String[] getOldestItems() {
        return backlog.view().oldest().stream()
                .map(i -> line(i.firstFailedAt(), backlog.daysWaiting(i) + " days", i.reasonCode(), i.ownerTeam(),
                        i.clientId(), i.careLineId(), i.providerRef(), i.journeyId()))
                .toArray(String[]::new);
    }

    private static String line(Object... cells) {
        return Arrays.stream(cells).map(cell -> Objects.toString(cell, "")).collect(Collectors.joining(" | "));
    }

    @Override
    public String sendDigestNow() {
        DigestResult result = digest.sendNow();
        return result.teamsMailed() + " team(s) mailed, " + result.items() + " item(s) listed"
                + (result.teamsFailed().isEmpty() ? "" : "; not mailed: " + String.join(", ", result.teamsFailed()));
    }

    @Override
    public void afterPropertiesSet() throws JMException {
        server.registerMBean(new StandardMBean(this, BacklogMBean.class), name);
    }

    @Override
    public void destroy() throws JMException {
        server.unregisterMBean(name);
    }
}
