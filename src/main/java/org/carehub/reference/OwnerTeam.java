package org.carehub.reference;

/** A team that owns a kind of failure and must act on it (social work, care navigation, ...). */
public record OwnerTeam(String code, String name, String mailbox) {
}
