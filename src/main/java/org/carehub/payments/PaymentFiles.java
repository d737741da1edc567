package org.carehub.payments;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes a run's payment files in the configured formats, checks each one's control totals against the payments it
 * is meant to carry, and releases it to accounts payable's outbox atomically: written under a hidden temporary name,
 * forced to disk and renamed in one step, so the bank software never picks up half a file.
 */
@Component
public class PaymentFiles {

    private final PaymentsProperties properties;
    private final Clock clock = Clock.systemUTC();

    public PaymentFiles(PaymentsProperties properties) {
        this.properties = properties;
    }

    /** The run's files, one per configured format, each verified; nothing is written to disk yet. */
    public List<PaymentFile> prepare(String runRef, LocalDate paymentDate, List<PaymentInstruction> instructions) {
        int transactions = instructions.size();
        long total = instructions.stream().mapToLong(PaymentInstruction::pence).sum();
        return properties.formats().stream().map(format -> {
            String name = "AP-" + runRef + format.extension();
            String content = switch (format) {
                case PAIN_001 -> Pain001File.write("CAREHUB-" + runRef, Pain001File.utc(clock.instant()), paymentDate,
                        properties.council(), instructions);
                case BACS_18 -> Bacs18File.write(runNumber(runRef), LocalDate.now(clock), paymentDate, properties.council(), instructions);
            };
            PaymentFile file = new PaymentFile(name, format, content, transactions, total);
            verify(file);
            return file;
        }).toList();
    }

    /** Throws unless the file's own control totals agree with its transactions and with what it was meant to pay. */
    public static void verify(PaymentFile file) {
        switch (file.format()) {
            case PAIN_001 -> Pain001File.verify(file.content(), file.transactions(), file.totalPence());
            case BACS_18 -> Bacs18File.verify(file.content(), file.transactions(), file.totalPence());
        }
    }

    /**
     * Puts a verified file into the outbox. Releasing the same file again (a run re-run after a crash) finds it there
     * and leaves it; a different file under the name is never replaced.
     */
    public Path release(PaymentFile file) throws IOException {
        verify(file);
        Path outbox = Files.createDirectories(properties.outbox());
        Path target = outbox.resolve(file.fileName());
        byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
        if (Files.exists(target)) {
            if (Arrays.equals(Files.readAllBytes(target), bytes)) {
                return target;
            }
            throw new FileAlreadyExistsException(target.toString(), null, "the AP outbox holds a different file of that name");
        }
        Path temporary = Files.createTempFile(outbox, "." + file.fileName(), ".part");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The digits of a run reference such as PR000012, which number its Bacs file. */
    private static int runNumber(String runRef) {
        String digits = runRef.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits.substring(Math.max(0, digits.length() - 6)));
    }
}
