package org.carehub.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.carehub.channels.TextDecoding.Decoded;
import org.carehub.channels.TextDecoding.UndecodableText;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    static final String NAME = "O\u2019Brien \u00a3";

    @Test
    void utf8IsReadAsUtf8() throws UndecodableText {
        Decoded decoded = TextDecoding.decode(NAME.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.text()).isEqualTo(NAME);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf8ByteOrderMarkIsDropped() throws UndecodableText {
        byte[] withBom = ("\uFEFF" + NAME).getBytes(StandardCharsets.UTF_8);

        assertThat(TextDecoding.decode(withBom).text()).isEqualTo(NAME);
    }

    @Test
    void invalidUtf8IsReadAsWindows1252() throws UndecodableText {
        Decoded decoded = TextDecoding.decode(NAME.getBytes(TextDecoding.WINDOWS_1252));

        assertThat(decoded.text()).isEqualTo(NAME);
        assertThat(decoded.charset()).isEqualTo(TextDecoding.WINDOWS_1252);
    }

    @Test
    void utf16IsRefusedWithAFixThePersonCanMake() {
        assertThatThrownBy(() -> TextDecoding.decode(NAME.getBytes(StandardCharsets.UTF_16)))
                .isInstanceOf(UndecodableText.class).hasMessageContaining("save it as CSV UTF-8");
    }

    @Test
    void bytesUndefinedInWindows1252AreRefused() {
        byte[] undefined = {'a', (byte) 0x81, 'b'}; // not UTF-8, and 0x81 has no Windows-1252 character

        assertThatThrownBy(() -> TextDecoding.decode(undefined))
                .isInstanceOf(UndecodableText.class).hasMessageContaining("neither UTF-8 nor Windows-1252");
    }

    @Test
    void binaryIsRefused() {
        assertThatThrownBy(() -> TextDecoding.decode(new byte[] {'P', 'K', 3, 4, 0, 0}))
                .isInstanceOf(UndecodableText.class).hasMessageContaining("NUL");
    }

    @Test
    void requireUtf8NamesTheFirstByteThatIsNotUtf8() {
        assertThatThrownBy(() -> TextDecoding.requireUtf8("Evans £5".getBytes(TextDecoding.WINDOWS_1252)))
                .isInstanceOf(UndecodableText.class).hasMessage("byte 7 (0xA3) is not UTF-8 (a £ written as Windows-1252?); "
                        + "the message must be UTF-8");
        assertThatThrownBy(() -> TextDecoding.requireUtf8(new byte[] {'a', (byte) 0xC0, (byte) 0xAF}))
                .hasMessageStartingWith("byte 2 (0xC0) is not UTF-8");
    }

    @Test
    void requireUtf8RefusesUtf16WithOrWithoutAByteOrderMark() {
        assertThatThrownBy(() -> TextDecoding.requireUtf8(NAME.getBytes(StandardCharsets.UTF_16)))
                .hasMessage("the message is UTF-16; it must be UTF-8");
        assertThatThrownBy(() -> TextDecoding.requireUtf8("{}".getBytes(StandardCharsets.UTF_16LE)))
                .hasMessageStartingWith("character 2 is NUL");
    }

    @Test
    void requireUtf8ReadsUtf8() throws UndecodableText {
        assertThat(TextDecoding.requireUtf8(NAME.getBytes(StandardCharsets.UTF_8))).isEqualTo(NAME);
    }

    @Test
    void aLoneSurrogateIsFoundAndAWholePairIsNot() {
        assertThat(WholeCharacters.loneSurrogate("Ev\ud800ans")).isEqualTo(2);
        assertThat(WholeCharacters.loneSurrogate("\udc00")).isZero();
        assertThat(WholeCharacters.loneSurrogate("smile \ud83d\ude00")).isEqualTo(-1);
    }

    @Test
    void utf8LabelledLatin1OrWindows1252IsCaughtWithTheWordsItWouldGarble() {
        byte[] utf8 = "<name>Zoë Brontë</name>".getBytes(StandardCharsets.UTF_8);

        assertThat(TextDecoding.utf8UnderLatinLabel(utf8, StandardCharsets.ISO_8859_1)).hasValueSatisfying(why ->
                assertThat(why).contains("labelled ISO-8859-1", "Zoë", "would be read as", "ZoÃ«"));
        assertThat(TextDecoding.utf8UnderLatinLabel(utf8, TextDecoding.WINDOWS_1252)).isPresent();
    }

    @Test
    void textThatIsWhatItsLabelSaysIsLeftAlone() {
        assertThat(TextDecoding.utf8UnderLatinLabel("Zoë".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1)).isEmpty();
        assertThat(TextDecoding.utf8UnderLatinLabel("Zoe".getBytes(StandardCharsets.US_ASCII), StandardCharsets.ISO_8859_1)).isEmpty();
        assertThat(TextDecoding.utf8UnderLatinLabel("Zoë".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEmpty();
    }
}
