package org.carehub.cleanse;

/** Bulk cleanses in Hawtio's JMX tab ({@code org.carehub:hub=<name>,type=BulkCleanse}). */
public interface BulkCleanseMBean {

    /** One line per cleanse, newest first: status, done/total, lines/s, ETA and counts. */
    String[] getCleanses();

    /** Cleanses waiting to run or running (dry run or apply). */
    int getRunnableCount();
}
