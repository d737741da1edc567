package org.carehub.payments;

/** The payment file formats the hub writes (carehub.payments.formats); docs/payment-files.md describes both. */
public enum PaymentFileFormat {
    /** ISO 20022 Customer Credit Transfer Initiation, pain.001.001.09 (XML). */
    PAIN_001(".xml"),
    /** Bacs Standard 18, fixed width, 100-character records. */
    BACS_18(".bacs");

    private final String extension;

    PaymentFileFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
