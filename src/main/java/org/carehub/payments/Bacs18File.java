package org.carehub.payments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The payment file as Bacs Standard 18: 80-character labels VOL1, HDR1, HDR2, UHL1; one 100-character credit record
 * (transaction code 99) per provider payment; one contra record (17) debiting the council's account with the total;
 * labels EOF1, EOF2 and UTL1 carrying the control totals. Records end with CRLF. The layout, field by field, is in
 * docs/payment-files.md; {@link #verify} re-reads a file and checks its totals before it is released.
 */
final class Bacs18File {

    static final String CREDIT = "99";
    static final String CONTRA_DEBIT = "17";
    static final String LINE_END = "\r\n";
    private static final int LABEL = 80;
    private static final int RECORD = 100;

    private Bacs18File() {
    }

    /**
     * @param fileNumber a number for the file (the volume serial and file set identification), e.g. the run's number
     */
    static String write(int fileNumber, LocalDate created, LocalDate processingDay, PaymentsProperties.Council council,
                        List<PaymentInstruction> instructions) {
        String sun = digits(council.serviceUserNumber(), 6, "service user number");
        String serial = zeros(fileNumber % 1_000_000, 6);
        long total = instructions.stream().mapToLong(PaymentInstruction::pence).sum();
        List<String> records = new ArrayList<>();
        records.add(label("VOL1" + serial + " " + spaces(20) + spaces(6) + spaces(4) + sun + spaces(4) + spaces(28) + "1"));
        String fileIdentifier = "A" + sun + "S" + spaces(2) + sun + " ";
        records.add(header("HDR1", fileIdentifier, serial, created));
        records.add(label("HDR2" + "F" + "02000" + zeros(RECORD, 5) + spaces(35) + "00" + spaces(28)));
        records.add(label("UHL1" + julian(processingDay) + "999999    " + "00" + "000000" + "1 DAILY  " + "001" + spaces(7)
                + spaces(7) + spaces(26)));
        for (PaymentInstruction instruction : instructions) {
            records.add(record(instruction.payee().sortCode(), instruction.payee().accountNumber(), CREDIT, council,
                    instruction.pence(), council.name(), instruction.paymentRef(), instruction.payee().accountName()));
        }
        records.add(record(council.sortCode(), council.accountNumber(), CONTRA_DEBIT, council, total, council.name(), "CONTRA",
                council.accountName()));
        records.add(header("EOF1", fileIdentifier, serial, created));
        records.add(label("EOF2" + "F" + "02000" + zeros(RECORD, 5) + spaces(35) + "00" + spaces(28)));
        // Debits: the contra; credits: the payments. Both totals are the same money seen from each side.
        records.add(label("UTL1" + zeros(total, 13) + zeros(total, 13) + zeros(1, 7) + zeros(instructions.size(), 7) + spaces(36)));
        return String.join(LINE_END, records) + LINE_END;
    }

    /**
     * Throws unless every record has its length, the credits add up to the contra, and UTL1's totals and counts agree
     * with the records and with what was meant to be paid.
     */
    static void verify(String content, int transactions, long totalPence) {
        String[] lines = content.split(LINE_END);
        long credits = 0;
        int creditCount = 0;
        long contra = -1;
        String trailer = null;
        for (String line : lines) {
            String label = line.substring(0, Math.min(4, line.length()));
            if (List.of("VOL1", "HDR1", "HDR2", "UHL1", "EOF1", "EOF2", "UTL1").contains(label)) {
                check(line.length() == LABEL, label + " is " + line.length() + " characters, not " + LABEL);
                if (label.equals("UTL1")) {
                    trailer = line;
                }
                continue;
            }
            check(line.length() == RECORD, "a data record is " + line.length() + " characters, not " + RECORD);
            long amount = Long.parseLong(line.substring(35, 46));
            switch (line.substring(15, 17)) {
                case CREDIT -> {
                    credits += amount;
                    creditCount++;
                }
                case CONTRA_DEBIT -> contra = amount;
                default -> check(false, "unexpected transaction code " + line.substring(15, 17));
            }
        }
        check(trailer != null, "no UTL1 trailer");
        check(contra == credits, "contra " + contra + " is not the sum of the credits " + credits);
        check(Long.parseLong(trailer.substring(4, 17)) == contra, "UTL1 debit total is not the contra");
        check(Long.parseLong(trailer.substring(17, 30)) == credits, "UTL1 credit total is not the sum of the credits");
        check(Integer.parseInt(trailer.substring(30, 37)) == 1, "UTL1 debit count is not 1 contra");
        check(Integer.parseInt(trailer.substring(37, 44)) == creditCount, "UTL1 credit count is not the number of credits");
        check(creditCount == transactions, "credits " + creditCount + " are not the " + transactions + " payments meant");
        check(credits == totalPence, "credits total " + credits + " is not the " + totalPence + " pence meant");
    }

    private static String record(String sortCode, String accountNumber, String transactionCode, PaymentsProperties.Council council,
                                 long pence, String originatorName, String reference, String accountName) {
        String record = digits(sortCode, 6, "sort code") + digits(accountNumber, 8, "account number") + "0" + transactionCode
                + digits(council.sortCode(), 6, "council sort code") + digits(council.accountNumber(), 8, "council account number")
                + spaces(4) + zeros(pence, 11) + text(originatorName, 18) + text(reference, 18) + text(accountName, 18);
        check(record.length() == RECORD, "record length " + record.length());
        return record;
    }

    private static String header(String label, String fileIdentifier, String serial, LocalDate created) {
        return label(label + fileIdentifier + serial + "0001" + "0001" + spaces(4) + spaces(2) + julian(created) + julian(created)
                + " " + "000000" + spaces(13) + spaces(7));
    }

    private static String label(String label) {
        check(label.length() == LABEL, label.substring(0, 4) + " label length " + label.length());
        return label;
    }

    /** A date as Bacs writes it: a space, the year's last two digits and the day of the year (" yyddd"). */
    static String julian(LocalDate date) {
        return String.format(Locale.ROOT, " %02d%03d", date.getYear() % 100, date.getDayOfYear());
    }

    /** Bacs character set: upper case letters, digits, space and . & / -; anything else becomes a space. */
    static String text(String value, int width) {
        String clean = (value == null ? "" : value).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9 .&/-]", " ");
        return String.format(Locale.ROOT, "%-" + width + "s", clean.length() > width ? clean.substring(0, width) : clean);
    }

    private static String digits(String value, int width, String what) {
        check(value != null && value.matches("\\d{" + width + "}"), what + " '" + value + "' is not " + width + " digits");
        return value;
    }

    private static String zeros(long value, int width) {
        String text = Long.toString(value);
        check(value >= 0 && text.length() <= width, value + " does not fit " + width + " digits");
        return "0".repeat(width - text.length()) + text;
    }

    private static String spaces(int n) {
        return " ".repeat(n);
    }

    private static void check(boolean holds, String problem) {
        if (!holds) {
            throw new IllegalStateException("Bacs Standard 18 file: " + problem);
        }
    }
}
