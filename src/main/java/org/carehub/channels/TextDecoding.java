package org.carehub.channels;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes text files the way people produce them: UTF-8 with or without a byte order mark, or Windows-1252
 * (what Excel's plain "CSV" save writes on a UK PC: £ is the single byte A3). A file that is valid UTF-8 is
 * read as UTF-8; otherwise as Windows-1252. A file that is neither, UTF-16 ("Unicode text"), or binary is
 * refused with a reason instead of being read as garbage.
 */
public final class TextDecoding {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Labels under which UTF-8 is most often sent by mistake: every byte is a character in them, so nothing fails. */
    private static final Set<Charset> LATIN_LABELS = Set.of(StandardCharsets.ISO_8859_1, WINDOWS_1252);

    private TextDecoding() {
    }

    /** Text and the character set it was found to be in. */
    public record Decoded(String text, Charset charset) {
    }

    /** The bytes cannot be read as text; the message says why in words a support engineer can act on. */
    public static class UndecodableText extends Exception {
        UndecodableText(String message) {
            super(message);
        }
    }

    public static Decoded decode(byte[] bytes) throws UndecodableText {
        if (isUtf16(bytes)) {
            throw new UndecodableText("the file is UTF-16 (\"Unicode text\"); save it as CSV UTF-8 or plain CSV");
        }
        boolean bom = startsWith(bytes, 0xEF, 0xBB, 0xBF);
        int offset = bom ? 3 : 0;
        Decoded decoded;
        try {
            decoded = new Decoded(strictly(StandardCharsets.UTF_8, bytes, offset), StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            if (bom) {
                throw new UndecodableText("the file starts with a UTF-8 byte order mark but is not valid UTF-8");
            }
            try {
                decoded = new Decoded(strictly(WINDOWS_1252, bytes, 0), WINDOWS_1252);
            } catch (CharacterCodingException notWindows1252) {
                throw new UndecodableText("the file is neither UTF-8 nor Windows-1252 text");
            }
        }
        int nul = decoded.text().indexOf('\0');
        if (nul >= 0) {
            throw new UndecodableText("the file holds a NUL character at character " + (nul + 1) + ": it is not a text file");
        }
        return decoded;
    }

    /**
     * For messages whose format says UTF-8 (JSON): the text, or which byte is not UTF-8. A parser would otherwise
     * take UTF-16 without a word, or stop with an error about its own internals.
     */
    public static String requireUtf8(byte[] bytes) throws UndecodableText {
        if (isUtf16(bytes)) {
            throw new UndecodableText("the message is UTF-16; it must be UTF-8");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new UndecodableText(String.format("byte %d (0x%02X) is not UTF-8%s; the message must be UTF-8", at + 1,
                    bytes[at] & 0xFF, (bytes[at] & 0xFF) == 0xA3 ? " (a £ written as Windows-1252?)" : ""));
        }
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new UndecodableText("character " + (nul + 1) + " is NUL: the message is UTF-16 without a byte order mark, or binary");
        }
        return text;
    }

    /**
     * Text labelled with a single-byte Western character set (ISO-8859-1, Windows-1252) that is in fact UTF-8: it
     * holds bytes above 127 and every one of them belongs to a well-formed UTF-8 sequence (text really in Latin-1 almost
     * never does). Read as labelled, "Zoë" would reach finance as "ZoÃ«". Empty if the label can be believed; otherwise
     * what would be misread, in words.
     */
    public static Optional<String> utf8UnderLatinLabel(byte[] bytes, Charset label) {
        if (!LATIN_LABELS.contains(label) || !hasNonAscii(bytes)) {
            return Optional.empty();
        }
        String asUtf8;
        try {
            asUtf8 = strictly(StandardCharsets.UTF_8, bytes, 0);
        } catch (CharacterCodingException reallyLatin) {
            return Optional.empty();
        }
        int at = firstNonAscii(asUtf8);
        String word = asUtf8.substring(Math.max(0, at - 10), Math.min(asUtf8.length(), at + 10)).strip();
        String misread = new String(word.getBytes(StandardCharsets.UTF_8), label);
        return Optional.of("labelled " + label.name() + " but its bytes are UTF-8: \"" + word + "\" would be read as \""
                + misread + "\"");
    }

    /** The character set a message or file names (a Content-Type charset, an XML declaration), if Java knows it. */
    public static Optional<Charset> charsetNamed(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static int firstNonAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return i;
            }
        }
        return 0;
    }

    private static boolean isUtf16(byte[] bytes) {
        return startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE);
    }

    private static String strictly(Charset charset, byte[] bytes, int offset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
    }

    /** The bytes begin with these (unsigned) byte values: a byte order mark or a file signature. */
    public static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
