package org.carehub.channels;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a channel's request body once, bounded by {@link BoundedBody}, and keeps the bytes as a request
 * attribute: whatever the channel later fails to read (malformed XML or JSON, an invalid event), the
 * original as received is still at hand to be parked. A body over the limit is handed to the channel's
 * {@link OversizeAnswer} instead of being passed on.
 */
public class BoundedBodyFilter extends OncePerRequestFilter {

    private final long limitBytes;
    private final long keepBytes;
    private final OversizeAnswer oversizeAnswer;

    /** Keeps up to {@link BoundedBody#KEEP_FACTOR} times the limit of an oversize body. */
    public BoundedBodyFilter(long limitBytes, OversizeAnswer oversizeAnswer) {
        this(limitBytes, Math.multiplyExact(limitBytes, BoundedBody.KEEP_FACTOR), oversizeAnswer);
    }

    /** @param keepBytes the most read of any body (see {@link BoundedBody#read(java.io.InputStream, long, long)}) */
    public BoundedBodyFilter(long limitBytes, long keepBytes, OversizeAnswer oversizeAnswer) {
        this.limitBytes = limitBytes;
        this.keepBytes = keepBytes;
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
        BoundedBody body = BoundedBody.read(request.getInputStream(), limitBytes, keepBytes);
        request.setAttribute(BoundedBody.ATTRIBUTE, body);
        if (body.tooLarge()) {
            oversizeAnswer.answer(body, new ReplayedBody(request, new byte[0]), response, chain);
        } else {
            chain.doFilter(new ReplayedBody(request, body.bytes()), response);
        }
    }

}
