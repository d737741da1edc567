package org.carehub.failures;

/** The backlog in Hawtio's JMX tab ({@code org.carehub:hub=<name>,type=Backlog}). */
public interface BacklogMBean {

    /** Every parked message, on every parked queue. */
    long getTotalParked();

    /** One line per reason × owner team × age bucket: "reason | owner team | age bucket | count". */
    String[] getCounts();

    /** The longest-waiting items: "first failed | days | reason | owner team | client | care line | provider | journey". */
    String[] getOldestItems();

    /** Mails each owner team with parked items its digest now; answers what was sent. */
    String sendDigestNow();
}
