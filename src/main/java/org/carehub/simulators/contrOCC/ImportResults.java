package org.carehub.simulators.contrOCC;

import org.carehub.finance.contrOCC.ImportResult;
import org.carehub.finance.contrOCC.ImportStatus;
import org.carehub.finance.contrOCC.RejectionReason;

/** The answers ContrOCC gives to an import. */
final class ImportResults {

    private ImportResults() {
    }

    static ImportResult done(String importReference, ImportStatus status, String financeId, String message) {
        ImportResult result = new ImportResult();
        result.setImportReference(importReference);
        result.setStatus(status);
        result.setFinanceId(financeId);
        result.setMessage(message);
        return result;
    }

    static ImportResult rejected(String importReference, RejectionReason reason, String field, Object value, String message) {
        ImportResult result = done(importReference, ImportStatus.REJECTED, null, message);
        result.setReasonCode(reason);
        result.setField(field);
        result.setValue(value == null ? null : String.valueOf(value));
        return result;
    }

    static ImportResult unknown(String importReference) {
        return done(importReference, ImportStatus.UNKNOWN, null, "No import with reference " + importReference + " has been received");
    }

    /** The stored answer, marked as such. */
    static ImportResult asDuplicate(ImportResult stored) {
        ImportResult copy = done(stored.getImportReference(), stored.getStatus(), stored.getFinanceId(), stored.getMessage());
        copy.setReasonCode(stored.getReasonCode());
        copy.setField(stored.getField());
        copy.setValue(stored.getValue());
        copy.setDuplicate(true);
        return copy;
    }
}
