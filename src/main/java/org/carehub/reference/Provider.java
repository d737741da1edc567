package org.carehub.reference;

import java.util.List;

/** A care provider the council commissions from. */
public record Provider(String ref, String name, List<String> invoiceSenders, String sftpAccount) {
}
