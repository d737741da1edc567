package org.carehub.simulators.contrOCC;

import org.carehub.finance.contrOCC.ImportResult;

/** An import the simulator processed: which operation, a fingerprint of its content, the answer given. */
record StoredImport(String operation, String contentHash, ImportResult result) {
}
