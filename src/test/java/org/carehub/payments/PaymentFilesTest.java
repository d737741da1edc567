package org.carehub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.carehub.finance.PaymentRun.BankAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaymentFilesTest {

    private static final List<PaymentInstruction> PAYMENTS = List.of(
            new PaymentInstruction("PY000001", "PRV-001", 39150, new BankAccount("089999", "66374958", "Brightwater Home Care Ltd")));

    @TempDir
    Path outbox;

    private PaymentFiles files(List<PaymentFileFormat> formats) {
        return new PaymentFiles(new PaymentsProperties(formats, outbox, Bacs18FileTest.COUNCIL, "ap@council.test"));
    }

    @Test
    void aRunGetsOneVerifiedFilePerConfiguredFormat() {
        List<PaymentFile> prepared = files(List.of(PaymentFileFormat.PAIN_001, PaymentFileFormat.BACS_18))
                .prepare("PR000012", LocalDate.of(2026, 11, 27), PAYMENTS);

        assertThat(prepared).extracting(PaymentFile::fileName).containsExactly("AP-PR000012.xml", "AP-PR000012.bacs");
        assertThat(prepared).allSatisfy(file -> {
            assertThat(file.transactions()).isEqualTo(1);
            assertThat(file.totalPence()).isEqualTo(39150);
        });
        assertThat(files(List.of(PaymentFileFormat.BACS_18)).prepare("PR000012", LocalDate.of(2026, 11, 27), PAYMENTS))
                .extracting(PaymentFile::format).containsExactly(PaymentFileFormat.BACS_18);
    }

    @Test
    void releasingLeavesOnlyTheWholeFileAndReleasingTheSameFileAgainChangesNothing() throws Exception {
        PaymentFiles files = files(List.of(PaymentFileFormat.BACS_18));
        PaymentFile file = files.prepare("PR000012", LocalDate.of(2026, 11, 27), PAYMENTS).get(0);

        Path released = files.release(file);
        files.release(file);

        assertThat(released).hasContent(file.content());
        try (Stream<Path> inOutbox = Files.list(outbox)) {
            assertThat(inOutbox).containsExactly(released);
        }
    }

    @Test
    void aDifferentFileUnderAReleasedNameIsRefusedAndAFileWhoseTotalsDisagreeIsNeverWritten() throws Exception {
        PaymentFiles files = files(List.of(PaymentFileFormat.BACS_18));
        PaymentFile file = files.prepare("PR000012", LocalDate.of(2026, 11, 27), PAYMENTS).get(0);
        files.release(file);

        PaymentFile other = new PaymentFile(file.fileName(), file.format(), file.content().replace("PY000001", "PY000009"), 1, 39150);
        assertThatThrownBy(() -> files.release(other)).isInstanceOf(FileAlreadyExistsException.class);
        PaymentFile wrongTotal = new PaymentFile("AP-PR000013.bacs", file.format(), file.content(), 1, 39151);
        assertThatThrownBy(() -> files.release(wrongTotal)).hasMessageContaining("39151 pence meant");
        assertThat(outbox.resolve("AP-PR000013.bacs")).doesNotExist();
        assertThat(outbox.resolve(file.fileName())).hasContent(file.content());
    }
}
