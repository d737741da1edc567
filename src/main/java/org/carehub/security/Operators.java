package org.carehub.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting: the signed-in user, or the hub itself for scheduled and automatic work. */
public final class Operators {

    /** The name recorded for actions the hub takes on its own (scheduled digests, automatic retries). */
    public static final String HUB = "carehub";

    public static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth.getName() == null ? HUB : auth.getName();
    }

    private Operators() {
    }
}
