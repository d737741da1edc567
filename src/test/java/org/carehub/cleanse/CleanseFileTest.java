package org.carehub.cleanse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.carehub.failures.BusinessRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanseFileTest {

    private static final String HEADER = "cpli_id,action,effective_date,element_code,unit,rate,planned_units_per_week,end_reason\n";

    @TempDir
    Path dir;

    @Test
    void readsOneCareLineAtATimeWithItsConsecutiveRows() throws IOException {
        List<CareLineRows> lines = read(HEADER
                + "CPLI-1,SPLIT,,DAY_SUPPORT,hour,22.80,40,\n"
                + "CPLI-1,SPLIT,,SLEEP_IN,night,118.50,7,\n"
                + "CPLI-2,MOVE_TO_RATE,2025-10-01,SLEEP_IN,,118.50,,\n"
                + "CPLI-3,END,2026-03-31,,,,,Moved to residential care\n");

        assertThat(lines).extracting(CareLineRows::cpliId).containsExactly("CPLI-1", "CPLI-2", "CPLI-3");
        assertThat(lines).allMatch(CareLineRows::readable);
        assertThat(lines.get(0).firstRow()).isEqualTo(2);
        assertThat(lines.get(0).rows()).extracting(CleanseRow::elementCode).containsExactly("DAY_SUPPORT", "SLEEP_IN");
        assertThat(lines.get(0).rows().get(1).rate()).isEqualByComparingTo("118.50");
        assertThat(lines.get(1).rows().get(0).effectiveDate()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(lines.get(2).rows().get(0).action()).isEqualTo(CleanseAction.END);
        assertThat(lines.get(2).rows().get(0).endReason()).isEqualTo("Moved to residential care");
    }

    @Test
    void utf8ByteOrderMarkAndHeaderCaseAndColumnOrderDoNotMatter() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "Action,CPLI_ID,effective_date,element_code,unit,rate,planned_units_per_week,end_reason\n"
                + "END,CPLI-9,2026-01-31,,,,,Client moved away\n";
        Path file = dir.resolve("bom.csv");
        Files.write(file, concat(bom, text.getBytes(StandardCharsets.UTF_8)));

        try (CleanseFile cleanse = CleanseFile.open(file)) {
            CareLineRows line = cleanse.next();
            assertThat(line.cpliId()).isEqualTo("CPLI-9");
            assertThat(line.readable()).isTrue();
        }
    }

    @Test
    void aMissingColumnRefusesTheFileNamingTheColumn() {
        assertThatThrownBy(() -> read("cpli_id,action,effective_date,element_code,unit,rate,end_reason\n"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, v -> {
                    assertThat(v.reasonCode()).isEqualTo("CLEANSE_MISSING_COLUMN");
                    assertThat(v.field()).isEqualTo("planned_units_per_week");
                });
    }

    @Test
    void utf16IsRefused() throws IOException {
        Path file = dir.resolve("utf16.csv");
        Files.write(file, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, HEADER.getBytes(StandardCharsets.UTF_16LE)));

        assertThatThrownBy(() -> CleanseFile.open(file)).isInstanceOfSatisfying(BusinessRuleViolation.class,
                v -> assertThat(v.reasonCode()).isEqualTo("CLEANSE_ENCODING"));
    }

    @Test
    void bytesThatAreNotUtf8FailTheirLineNamingRowAndColumn() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, (HEADER + "CPLI-1,END,2026-01-31,,,,,Moved\nCPLI-2,END,2026-01-31,,,,,Caf\u00e9 closed\n"
                + "CPLI-3,END,2026-01-31,,,,,Moved\n").getBytes(StandardCharsets.ISO_8859_1));

        List<CareLineRows> lines = new ArrayList<>();
        try (CleanseFile cleanse = CleanseFile.open(file)) {
            for (CareLineRows line = cleanse.next(); line != null; line = cleanse.next()) {
                lines.add(line);
            }
        }

        assertThat(lines).extracting(CareLineRows::readable).containsExactly(true, false, true);
        BusinessRuleViolation problem = lines.get(1).problem();
        assertThat(problem.reasonCode()).isEqualTo("CLEANSE_ENCODING");
        assertThat(problem.details()).containsEntry("row", 3L).containsEntry("column", "end_reason");
    }

    @Test
    void anUnclosedQuoteStopsTheFile() {
        assertThatThrownBy(() -> read(HEADER + "CPLI-1,END,2026-01-31,,,,,\"Moved\n"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        v -> assertThat(v.reasonCode()).isEqualTo("CLEANSE_MALFORMED_CSV"));
    }

    @Test
    void eachRowProblemIsNamedWithItsRowAndColumnAndReadingGoesOn() throws IOException {
        List<CareLineRows> lines = read(HEADER
                + "CPLI-1,SPLIT,,DAY_SUPPORT,hour,,40,\n"                          // 2: missing rate
                + "CPLI-2,MOVE_TO_RATE,01/10/2025,SLEEP_IN,,118.50,,\n"           // 3: not an ISO date
                + "CPLI-3,MOVE_TO_RATE,2025-10-01,SLEEP_IN,,1.185E2,,\n"          // 4: exponent
                + "CPLI-4,MOVE_TO_RATE,2025-10-01,SLEEP_IN,,\"1,185.00\",,\n"     // 5: thousands separator
                + "CPLI-5,END,2026-01-31,,,,,=HYPERLINK(\"http://x\")\n"          // 6: formula
                + "CPLI-6,UPLIFT,2026-01-31,,,,,\n"                               // 7: unknown action
                + "CPLI-7,SPLIT,,DAY_SUPPORT,hour,22.80,40,\n"                     // 8
                + "CPLI-7,END,2026-01-31,,,,,Ended\n"                              // 9: mixed actions
                + "CPLI-8,SPLIT,,DAY_SUPPORT,hour,22.80,40,\n"                     // 10
                + "CPLI-8,SPLIT,,DAY_SUPPORT,hour,22.80,40,\n"                     // 11: repeated element
                + "CPLI-9,END,2026-01-31,,,,," + "x".repeat(101) + "\n"            // 12: too long
                + "CPLI-10,END,2026-01-31,,,,,Fine\n");                            // 13

        assertThat(lines).extracting(l -> l.problem() == null ? "OK" : l.problem().reasonCode() + "@"
                        + l.problem().details().get("row") + ":" + l.problem().field())
                .containsExactly(
                        "CLEANSE_MISSING_VALUE@2:rate",
                        "CLEANSE_BAD_DATE@3:effective_date",
                        "CLEANSE_BAD_AMOUNT@4:rate",
                        "CLEANSE_BAD_AMOUNT@5:rate",
                        "CLEANSE_FORMULA_CELL@6:end_reason",
                        "CLEANSE_UNKNOWN_ACTION@7:action",
                        "CLEANSE_MIXED_ACTIONS@9:action",
                        "CLEANSE_DUPLICATE_ROW@11:element_code",
                        "CLEANSE_VALUE_TOO_LONG@12:end_reason",
                        "OK");
    }

    @Test
    void aDifferentEffectiveDateWithinOneLineIsAMixedRequest() throws IOException {
        List<CareLineRows> lines = read(HEADER
                + "CPLI-1,MOVE_TO_RATE,2025-10-01,SLEEP_IN,,118.50,,\n"
                + "CPLI-1,MOVE_TO_RATE,2025-11-01,DAY_SUPPORT,,22.80,,\n");

        assertThat(lines.get(0).problem().reasonCode()).isEqualTo("CLEANSE_MIXED_ACTIONS");
        assertThat(lines.get(0).problem().field()).isEqualTo("effective_date");
    }

    @Test
    void amountsKeepTheirDecimals() throws IOException {
        CleanseRow row = read(HEADER + "CPLI-1,SPLIT,,DAY_SUPPORT,hour,22.8000,37.5,\n").get(0).rows().get(0);

        assertThat(row.rate()).isEqualTo(new BigDecimal("22.8000"));
        assertThat(row.plannedUnitsPerWeek()).isEqualTo(new BigDecimal("37.5"));
    }

    private List<CareLineRows> read(String text) throws IOException {
        Path file = dir.resolve("cleanse.csv");
        Files.writeString(file, text);
        List<CareLineRows> lines = new ArrayList<>();
        try (CleanseFile cleanse = CleanseFile.open(file)) {
            for (CareLineRows line = cleanse.next(); line != null; line = cleanse.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
