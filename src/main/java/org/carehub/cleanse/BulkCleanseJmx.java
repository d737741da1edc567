package org.carehub.cleanse;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.carehub.channels.HubMBeans;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Publishes bulk cleanse progress as {@code org.carehub:hub=<name>,type=BulkCleanse}, where Hawtio's JMX tab and
 * Jolokia find it; read afresh from the database on every read, so any hub shows every cleanse.
 */
@Component
public class BulkCleanseJmx implements BulkCleanseMBean, InitializingBean, DisposableBean {

    public static final String TYPE = "BulkCleanse";

    private final BulkCleanse cleanses;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName name;

    public BulkCleanseJmx(BulkCleanse cleanses, @Value("${" + HubMBeans.HUB_NAME_PROPERTY + "}") String hubName) {
        this.cleanses = cleanses;
        this.name = HubMBeans.hubMBean(hubName, TYPE);
    }

    @Override
    public String[] getCleanses() {
        return cleanses.all().stream().map(CleanseProgress::toString).toArray(String[]::new);
    }

    @Override
    public int getRunnableCount() {
        return (int) cleanses.all().stream().filter(c -> c.status().runnable()).count();
    }

    @Override
    public void afterPropertiesSet() throws JMException {
        server.registerMBean(new StandardMBean(this, BulkCleanseMBean.class), name);
    }

    @Override
    public void destroy() throws JMException {
        server.unregisterMBean(name);
    }
}
