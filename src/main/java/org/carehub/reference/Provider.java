package org.carehub.reference;

import java.util.List;

/** A care provider the council commissions from. Its SFTP account, if any, is in provider-sftp-accounts.csv. */
public record Provider(String ref, String name, List<String> invoiceSenders) {
}
