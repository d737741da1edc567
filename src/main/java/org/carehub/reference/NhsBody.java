package org.carehub.reference;

/** An NHS body that co-funds care (an ICB): its ODS code, name, postal address and the mailbox claims go to. */
public record NhsBody(String code, String name, String address, String claimsMailbox) {
}
