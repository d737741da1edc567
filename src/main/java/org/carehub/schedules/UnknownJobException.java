package org.carehub.schedules;

import java.util.Set;

/** A run was asked of a job this hub does not have. */
public class UnknownJobException extends RuntimeException {

    public UnknownJobException(String job, Set<String> known) {
        super("No scheduled job called '" + job + "'; the jobs are " + known);
    }
}
