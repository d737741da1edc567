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
}
