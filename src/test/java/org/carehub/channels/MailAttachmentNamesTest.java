package org.carehub.channels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailAttachmentNamesTest {

    @Test
    void folderPartsAndWindowsPathsAreDropped() {
        assertThat(MailAttachmentNames.sanitise("../../etc/passwd.xml", "attachment-1")).isEqualTo("passwd.xml");
        assertThat(MailAttachmentNames.sanitise("C:\\Users\\ap\\INV-1.csv", "attachment-1")).isEqualTo("INV-1.csv");
    }

    @Test
    void encodedWordsAreDecodedAndAnUnknownCharsetLeavesTheNameAsWritten() {
        assertThat(MailAttachmentNames.sanitise("=?UTF-8?Q?Rechnung_M=C3=A4rz.xml?=", "attachment-1")).isEqualTo("Rechnung März.xml");
        assertThat(MailAttachmentNames.sanitise("=?x-no-such?Q?inv.xml?=", "attachment-1")).isEqualTo("=_x-no-such_Q_inv.xml_=");
    }

    @Test
    void controlCharactersLeadingDotsAndEmptyNamesAreHandled() {
        assertThat(MailAttachmentNames.sanitise("in\u0000v<1>.xml", "attachment-1")).isEqualTo("in_v_1_.xml");
        assertThat(MailAttachmentNames.sanitise("...hidden.csv", "attachment-1")).isEqualTo("hidden.csv");
        assertThat(MailAttachmentNames.sanitise("..", "attachment-2")).isEqualTo("attachment-2");
        assertThat(MailAttachmentNames.sanitise(null, "attachment-3")).isEqualTo("attachment-3");
    }

    @Test
    void aLongNameIsCutKeepingItsExtension() {
        String name = MailAttachmentNames.sanitise("x".repeat(300) + ".xml", "attachment-1");
        assertThat(name).hasSize(MailAttachmentNames.MAX_LENGTH).endsWith(".xml");
    }
}
