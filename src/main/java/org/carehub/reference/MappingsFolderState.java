package org.carehub.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The size and last-modified time of every file in the mappings folder: when two looks differ, a
 * file was edited, added or removed. A folder that cannot be listed counts as empty.
 */
record MappingsFolderState(Map<String, String> files) {

    static MappingsFolderState of(Path dir) {
        try (Stream<Path> paths = Files.list(dir)) {
            return new MappingsFolderState(paths.filter(Files::isRegularFile)
                    .collect(Collectors.toUnmodifiableMap(path -> path.getFileName().toString(), MappingsFolderState::stamp)));
        } catch (IOException | UncheckedIOException e) {
            return new MappingsFolderState(Map.of());
        }
    }

    private static String stamp(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            // Deleted between listing and looking: a change all the same.
            return "gone";
        }
    }
}
