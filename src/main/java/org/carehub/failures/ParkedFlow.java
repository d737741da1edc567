package org.carehub.failures;

import java.util.Map;
import java.util.Optional;

/**
 * What the failure desk needs to know of a flow whose messages it sends back. Each flow that parks
 * messages provides one (e.g. the LAS events flow in {@code cases}).
 */
public interface ParkedFlow {

    /** The flow's name, as in the {@link ParkedHeaders#FLOW} header. */
    String flow();

    /**
     * The headers the flow derives from a payload (client, care line, provider, message group), so an
     * edited payload travels with headers that match it.
     *
     * @throws IllegalArgumentException if the payload is not one the flow can read
     */
    Map<String, Object> headersFor(String payload);

    /**
     * Checks the payload against the flow's rules as they are now, without any side effect.
     *
     * @return the reason code it would be parked with again, or empty if it would pass
     */
    Optional<String> wouldFailWith(String payload);
}
