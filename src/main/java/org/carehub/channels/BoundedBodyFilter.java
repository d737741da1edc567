package org.carehub.channels;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a channel's request body once, bounded by {@link BoundedBody}, and keeps the bytes as a request
 * attribute: whatever the channel later fails to read (malformed XML or JSON, an invalid event), the
 * original as received is still at hand to be parked. A body over the limit is handed to the channel's
 * {@link OversizeAnswer} instead of being passed on.
 */
public class BoundedBodyFilter extends OncePerRequestFilter {

    private final long limitBytes;
    private final OversizeAnswer oversizeAnswer;

    public BoundedBodyFilter(long limitBytes, OversizeAnswer oversizeAnswer) {
        this.limitBytes = limitBytes;
        this.oversizeAnswer = oversizeAnswer;
    }

    /** How a channel answers a body over the limit (after parking what was kept). */
    @FunctionalInterface
    public interface OversizeAnswer {
        /**
         * @param request the request, its body replaced by an empty one (the kept bytes are in {@code body})
         * @param chain   the rest of the chain, for channels whose own machinery writes the refusal
         */
        void answer(BoundedBody body, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BoundedBody body = BoundedBody.read(request.getInputStream(), limitBytes);
        request.setAttribute(BoundedBody.ATTRIBUTE, body);
        if (body.tooLarge()) {
            oversizeAnswer.answer(body, new ReplayedBody(request, new byte[0]), response, chain);
        } else {
            chain.doFilter(new ReplayedBody(request, body.bytes()), response);
        }
    }

    /** The request with its body served from memory, as often as asked. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] bytes;

        ReplayedBody(HttpServletRequest request, byte[] bytes) {
            super(request);
            this.bytes = bytes;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return bytes.length;
        }

        @Override
        public long getContentLengthLong() {
            return bytes.length;
        }
    }
}
