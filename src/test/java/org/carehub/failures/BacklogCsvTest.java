package org.carehub.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The backlog CSV neutralises every cell a spreadsheet would run as a formula and keeps the rest as they are. */
class BacklogCsvTest {

    @Test
    void cells_starting_with_a_formula_character_get_a_leading_quote() {
        for (String dangerous : List.of("=HYPERLINK(\"http://evil.test\",\"x\")", "+1+1", "-2+3", "@SUM(A1)",
                "\tTAB", "\rCR", "=cmd|' /C calc'!A0")) {
            assertThat(BacklogCsv.neutralise(dangerous)).isEqualTo("'" + dangerous);
        }
        for (String harmless : List.of("PRV-001", "LAS-1 = LAS-2", "", "'quoted")) {
            assertThat(BacklogCsv.neutralise(harmless)).isEqualTo(harmless);
        }
        assertThat(BacklogCsv.neutralise(null)).isNull();
    }

    @Test
    void a_formula_reaching_an_item_is_written_as_text_and_reads_back_as_such() throws IOException {
        Instant failed = Instant.parse("2026-11-20T09:00:00Z");
        ParkedItem formula = new ParkedItem("J1", "q", "las-events", "UNKNOWN_PROVIDER", "Provider not known",
                "Care line names provider =cmd|' /C calc'!A0", "careLine.providerRef", "=cmd|' /C calc'!A0",
                "-check the provider", "CARE_NAVIGATION", "@client", "+CPLI", "=HYPERLINK(\"http://evil.test\")",
                failed, failed, 1, "ID:1");
        BacklogView view = new BacklogView(failed, 1,
                List.of(new BacklogCount("UNKNOWN_PROVIDER", "CARE_NAVIGATION", AgeBucket.UNDER_7_DAYS, 1)),
                List.of(formula));

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get()
                .parse(new StringReader(BacklogCsv.write(view, item -> 3))).getRecords();

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("record")).isEqualTo("count");
        assertThat(rows.get(0).get("count")).isEqualTo("1");
        CSVRecord item = rows.get(1);
        assertThat(item.get("record")).isEqualTo("oldest");
        assertThat(item.get("providerRef")).isEqualTo("'=HYPERLINK(\"http://evil.test\")");
        assertThat(item.get("value")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(item.get("fix")).isEqualTo("'-check the provider");
        assertThat(item.get("clientId")).isEqualTo("'@client");
        assertThat(item.get("careLineId")).isEqualTo("'+CPLI");
        assertThat(item.get("explanation")).isEqualTo("Care line names provider =cmd|' /C calc'!A0");
        assertThat(item.get("daysWaiting")).isEqualTo("3");
        assertThat(item.get("ageBucket")).isEqualTo("UNDER_7_DAYS");
        assertThat(item.get("firstFailedAt")).isEqualTo("2026-11-20T09:00:00Z");
    }
}
