package org.carehub.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The embedded broker's data folder of a hub (carehub.data-dir/broker): what a restart must find again. */
final class BrokerJournal {

    private BrokerJournal() {
    }

    /** Its journal files (the messages), by name. */
    static List<String> files(Path hubData) {
        Path journal = hubData.resolve("broker/journal");
        if (!Files.isDirectory(journal)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(journal)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "n files, m MB", for a test to print. */
    static String describe(Path hubData) {
        try (Stream<Path> files = Files.walk(hubData.resolve("broker"))) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            long bytes = 0;
            for (Path file : all) {
                bytes += Files.size(file);
            }
            return all.size() + " files, " + bytes / (1024 * 1024) + " MB";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
