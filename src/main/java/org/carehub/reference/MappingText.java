package org.carehub.reference;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a mapping file as UTF-8 text, dropping a leading byte order mark (Excel's "CSV UTF-8" writes
 * one). A missing, oversized or non-UTF-8 file is reported, with the line and column of the first bad byte.
 */
final class MappingText {

    /** Reference data is a few hundred lines; anything this big is a mistake, not a rate card. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private MappingText() {
    }

    static Optional<String> read(Path file, String label, MappingProblems problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(MappingLocation.ofFile(label), "the file is missing");
            return Optional.empty();
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                problems.add(MappingLocation.ofFile(label), "the file is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(MappingLocation.ofFile(label), "the file cannot be read: " + e);
            return Optional.empty();
        }
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        ByteBuffer in = ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0));
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = UTF_8.newDecoder();
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            problems.add(positionOf(label, out), String.format(
                    "the file is not UTF-8 text (byte 0x%02X); save it with UTF-8 encoding (in Excel: CSV UTF-8)",
                    bytes[in.position()] & 0xFF));
            return Optional.empty();
        }
        decoder.flush(out);
        return Optional.of(out.flip().toString());
    }

    /** The line and column just after the text decoded so far. */
    private static MappingLocation positionOf(String label, CharBuffer decoded) {
        String text = decoded.flip().toString();
        int line = (int) text.chars().filter(c -> c == '\n').count() + 1;
        return new MappingLocation(label, line, text.length() - text.lastIndexOf('\n'), null);
    }
}
