package org.carehub.deaths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.carehub.deaths.DeathFeedCsv.Reading;
import org.carehub.deaths.DeathFeedCsv.UnreadableFeed;
import org.junit.jupiter.api.Test;

class DeathFeedCsvTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String HEADER = "NHS_Number,forename,surname,date_of_birth,date_of_death,source,reference\n";

    @Test
    void each_row_is_a_notification_and_each_bad_row_is_named_by_its_line_column_and_fault() throws Exception {
        String text = HEADER
                + "943 476 5919,Joan,Evans,1938-04-02,2026-04-20,REGISTRAR,R-1\n"
                + "9434765918,Ann,Smith,1940-01-01,2026-04-20,REGISTRAR,R-2\n"
                + "\n"
                + ",Ann,Smith,01/01/1940,31/02/2026,REGISTRAR,R-3\n"
                + ",Ann,Smith,1940-01-01,2026-12-01,REGISTRAR,R-4\n"
                + ",Ann,Smith,1940-01-01,1939-12-31,REGISTRAR,R-5\n"
                + ",Ann,,1940-01-01,2026-04-20,REGISTRAR,R-6\n"
                + ",Ann,Smith,1940-01-01,2026-04-20\n"
                + ",\"Mary\nAnn\",Jones,20/05/1941,19/04/2026,NHS,N-7\n";

        Reading reading = DeathFeedCsv.read("deaths.csv", text, TODAY);

        assertThat(reading.notifications()).hasSize(2);
        DeathNotification joan = reading.notifications().get(0);
        assertThat(joan.nhsNumber()).isEqualTo("9434765919");
        assertThat(joan.dateOfDeath()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(joan.key()).isEqualTo("REGISTRAR:R-1");
        assertThat(joan.feedLine()).isEqualTo(2);
        DeathNotification mary = reading.notifications().get(1);
        assertThat(mary.hasNhsNumber()).isFalse();
        assertThat(mary.forename()).isEqualTo("Mary\nAnn");
        assertThat(mary.dateOfBirth()).isEqualTo(LocalDate.of(1941, 5, 20));
        assertThat(mary.feedLine()).isEqualTo(10);
        assertThat(reading.problems()).extracting(p -> p.line() + " " + p.column() + ": " + p.detail()).containsExactly(
                "3 nhs_number: nhs_number 9434765918 is not a valid NHS number (ten digits with a Modulus 11 check digit)",
                "5 date_of_death: date_of_death 31/02/2026 is not a date (YYYY-MM-DD or DD/MM/YYYY)",
                "6 date_of_death: date_of_death 2026-12-01 is in the future",
                "7 date_of_death: date_of_death 1939-12-31 is before date_of_birth 1940-01-01",
                "8 surname: surname is empty",
                "9 : the row has 5 values; the header has 7 columns");
        assertThat(reading.problems().get(0).rowText()).isEqualTo("9434765918,Ann,Smith,1940-01-01,2026-04-20,REGISTRAR,R-2\n");
        assertThat(reading.header()).isEqualTo(HEADER);
    }

    @Test
    void a_header_without_the_feed_columns_makes_the_file_unreadable() {
        assertThatThrownBy(() -> DeathFeedCsv.read("x.csv", "nhs,name,died\n1,2,3\n", TODAY))
                .isInstanceOf(UnreadableFeed.class).hasMessageContaining("the header lacks the columns [nhs_number,");
        assertThatThrownBy(() -> DeathFeedCsv.read("x.csv", "", TODAY))
                .isInstanceOf(UnreadableFeed.class).hasMessageContaining("(the file is empty)");
    }
}
