package org.carehub.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.carehub.reference.MappingsFixture.RATE_HEADER;
import static org.carehub.reference.MappingsFixture.put;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The holder swaps in changed mappings only when they pass validation, and announces each swap. */
class ReferenceDataHolderTest {

    private static final LocalDate NEXT_YEAR = LocalDate.of(2027, 1, 1);

    @TempDir
    Path temp;

    private final List<Object> published = new ArrayList<>();
    private Path dir;
    private ReferenceDataHolder holder;

    @BeforeEach
    void start() {
        dir = MappingsFixture.write(temp);
        holder = new ReferenceDataHolder(dir, published::add);
    }

    @Test
    void answersFromTheMappingsLoadedAtStartUp() {
        assertThat(holder.rate("HOMECARE", "PERSONAL_CARE", NEXT_YEAR).orElseThrow().rate()).isEqualByComparingTo("26.10");
        assertThat(holder.loadedAt()).isEqualTo(holder.snapshot().loadedAt());
        assertThat(holder.lastLoadError()).isEmpty();
    }

    @Test
    void invalidMappingsStopStartUp() {
        put(dir, "rate-card.csv", RATE_HEADER, "HOMECARE,PERSONAL_CARE,hour,abc,2025-04-01,,Home Care Framework 2022-2026");

        assertThatThrownBy(() -> new ReferenceDataHolder(dir, published::add))
                .isInstanceOf(MappingsException.class)
                .hasMessageEndingWith("\nmappings/rate-card.csv:2:4 (rate): 'abc' is not an amount in pounds");
    }

    @Test
    void anUnchangedFolderIsNotReloaded() {
        MappingsSnapshot before = holder.snapshot();

        assertThat(holder.reloadIfChanged()).isFalse();
        assertThat(holder.snapshot()).isSameAs(before);
        assertThat(published).isEmpty();
    }

    @Test
    void aChangedRateIsReloadedAndAnnounced() {
        put(dir, "rate-card.csv", RATE_HEADER, "HOMECARE,PERSONAL_CARE,hour,27.35,2026-04-01,,Home Care Framework 2026-2030 (revised)");

        assertThat(holder.reloadIfChanged()).isTrue();

        assertThat(holder.rate("HOMECARE", "PERSONAL_CARE", NEXT_YEAR).orElseThrow().rate()).isEqualByComparingTo("27.35");
        assertThat(published).containsExactly(new MappingsReloaded(holder.snapshot()));
    }

    @Test
    void aBrokenEditKeepsThePreviousMappingsUntilItIsMended() {
        MappingsSnapshot before = holder.snapshot();
        put(dir, "rate-card.csv", RATE_HEADER, "HOMECARE,PERSONAL_CARE,hour,27.35,1/4/2026,,Home Care Framework 2026-2030");

        assertThat(holder.reloadIfChanged()).isFalse();

        assertThat(holder.snapshot()).isSameAs(before);
        assertThat(holder.rate("HOMECARE", "PERSONAL_CARE", NEXT_YEAR).orElseThrow().rate()).isEqualByComparingTo("26.10");
        assertThat(holder.lastLoadError()).get().asString()
                .endsWith("\nmappings/rate-card.csv:2:5 (valid_from): '1/4/2026' is not a date in the form yyyy-MM-dd");
        assertThat(published).isEmpty();

        put(dir, "rate-card.csv", RATE_HEADER, "HOMECARE,PERSONAL_CARE,hour,27.35,2026-04-01,,Home Care Framework 2026-2030");

        assertThat(holder.reloadIfChanged()).isTrue();
        assertThat(holder.rate("HOMECARE", "PERSONAL_CARE", NEXT_YEAR).orElseThrow().rate()).isEqualByComparingTo("27.35");
        assertThat(holder.lastLoadError()).isEmpty();
        assertThat(published).hasSize(1);
    }

    @Test
    void aDeletedFileIsAChangeThatIsRefused() throws Exception {
        Files.delete(dir.resolve("finance-codes.csv"));

        assertThat(holder.reloadIfChanged()).isFalse();

        assertThat(holder.lastLoadError()).get().asString().endsWith("\nmappings/finance-codes.csv: the file is missing");
        assertThat(holder.financeCode("HOMECARE", "PERSONAL_CARE")).isPresent();
    }
}
