package org.carehub.cleanse;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Bulk cleanse settings, {@code carehub.cleanse.*}.
 *
 * @param batchSize     care lines sent to finance in one import (at most 1000, ContrOCC's limit per call)
 * @param maxUploadSize a larger upload is refused with CLEANSE_FILE_TOO_LARGE
 * @param storageDir    uploaded files and their reports, one folder per cleanse
 * @param pollPeriod    how often a hub looks for a cleanse to run or resume (one whose lease lapsed)
 */
@ConfigurationProperties("carehub.cleanse")
public record CleanseProperties(int batchSize, DataSize maxUploadSize, Path storageDir, Duration pollPeriod) {

    public CleanseProperties {
        batchSize = batchSize == 0 ? 500 : batchSize;
        maxUploadSize = maxUploadSize == null ? DataSize.ofGigabytes(1) : maxUploadSize;
        storageDir = storageDir == null ? Path.of("data", "cleanse") : storageDir;
        pollPeriod = pollPeriod == null ? Duration.ofSeconds(1) : pollPeriod;
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("carehub.cleanse.batch-size (" + batchSize + ") must be from 1 to 1000");
        }
    }
}
