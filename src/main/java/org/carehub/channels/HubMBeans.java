package org.carehub.channels;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * JMX names of this hub: its own MBeans ({@code org.carehub:hub=<name>,type=...}) and its embedded broker's
 * queues. Every name carries the hub's name ({@code carehub.hub-name}), so hubs sharing a JVM (tests) or a
 * console never take over each other's MBeans.
 */
public final class HubMBeans {

    public static final String HUB_NAME_PROPERTY = "carehub.hub-name";

    private HubMBeans() {
    }

    public static ObjectName hubMBean(String hubName, String type) {
        return name("org.carehub:hub=" + ObjectName.quote(hubName) + ",type=" + type);
    }

    /** The Artemis queue MBean (Hawtio's JMX tab: broker → addresses → queue) of an anycast queue. */
    public static ObjectName queue(String hubName, String queue) {
        String quoted = ObjectName.quote(queue);
        return name("org.apache.activemq.artemis:broker=" + ObjectName.quote(hubName) + ",component=addresses,address="
                + quoted + ",subcomponent=queues,routing-type=\"anycast\",queue=" + quoted);
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not a JMX name: " + text, e);
        }
    }
}
