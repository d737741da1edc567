package org.carehub.failures;

import java.util.List;

/**
 * Exact counts of a failure desk action over one or many parked messages.
 *
 * @param action    what was done to each message: retried, resubmitted or discarded
 * @param requested how many journeys the action was asked for
 * @param done      how many were moved (retried/discarded), each in its own transaction
 * @param notFound  journeys that were not parked (any more)
 * @param failed    journeys that could not be moved and are still parked, with the error
 */
public record BulkResult(String action, int requested, int done, List<String> notFound, List<Failure> failed) {

    public record Failure(String journeyId, String error) {
    }

    /** One line for a log, an audit row or Hawtio. */
    public String summary() {
        return "requested " + requested + ", " + action + " " + done + ", not parked " + notFound.size()
                + ", failed " + failed.size();
    }
}
