package org.carehub.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void bodyWithinTheLimitIsReadWhole() throws IOException {
        BoundedBody body = BoundedBody.read(new ByteArrayInputStream(new byte[100]), 100);

        assertThat(body.bytes()).hasSize(100);
        assertThat(body.tooLarge()).isFalse();
        assertThat(body.truncated()).isFalse();
    }

    @Test
    void bodyOverTheLimitIsTooLargeButKeptWhole() throws IOException {
        BoundedBody body = BoundedBody.read(new ByteArrayInputStream(new byte[101]), 100);

        assertThat(body.tooLarge()).isTrue();
        assertThat(body.truncated()).isFalse();
        assertThat(body.bytes()).hasSize(101);
        assertThat(body.sizeInWords()).isEqualTo("101 bytes");
    }

    @Test
    void bodyOverSixteenTimesTheLimitIsKeptOnlyThatFar() throws IOException {
        int keep = BoundedBody.KEEP_FACTOR * 100;
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[keep + 50]);

        BoundedBody body = BoundedBody.read(in, 100);

        assertThat(body.tooLarge()).isTrue();
        assertThat(body.truncated()).isTrue();
        assertThat(body.bytes()).hasSize(keep);
        assertThat(body.sizeInWords()).isEqualTo("more than " + keep + " bytes (only the first " + keep + " were kept)");
        assertThat(in.available()).as("the rest is left unread").isEqualTo(49);
    }

    @Test
    void withKeepOneOverTheLimitAnOversizeBodyIsReadOnlyOneBytePastTheLimit() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[1000]);

        BoundedBody body = BoundedBody.read(in, 100, 101);

        assertThat(body.tooLarge()).isTrue();
        assertThat(body.truncated()).isTrue();
        assertThat(body.bytes()).hasSize(101);
        assertThat(in.available()).as("one more byte read to know there is more, the rest left unread").isEqualTo(898);
    }
}
