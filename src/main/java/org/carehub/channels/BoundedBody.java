package org.carehub.channels;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A message body read into memory with a bound, so no sender can exhaust the hub by sending too much.
 * Bodies over {@code limit} are refused, but up to {@link #KEEP_FACTOR} times the limit is still kept
 * so the refused original can be parked; anything beyond that is not read at all ({@code truncated}).
 *
 * @param bytes     what was read: the whole body, or its first {@code limit × KEEP_FACTOR} bytes
 * @param limit     the most a body may be and still be accepted
 * @param tooLarge  the body is over the limit
 * @param truncated the body was longer than what was kept
 */
public record BoundedBody(byte[] bytes, long limit, boolean tooLarge, boolean truncated) {

    /** How many times the limit is kept of a refused, oversize body. */
    public static final int KEEP_FACTOR = 16;

    /** Request attribute under which {@link BoundedBodyFilter} leaves the body for the channel's handlers. */
    public static final String ATTRIBUTE = BoundedBody.class.getName();

    public static BoundedBody read(InputStream in, long limit) throws IOException {
        return read(in, limit, Math.multiplyExact(limit, KEEP_FACTOR));
    }

    /**
     * Reads a file a folder door took: at most {@code limit + 1} bytes, so an oversize file is known as such without
     * reading it into memory (a 2 GB extract costs the limit, not 16 times it). The route keeps the whole file in
     * its archive, so the parked part only has to show what it starts with.
     */
    public static BoundedBody readFile(InputStream in, long limit) throws IOException {
        return read(in, limit, Math.addExact(limit, 1));
    }

    /**
     * @param keep the most read and kept of a body, at least {@code limit + 1}: with exactly that, an oversize body
     *             is known as such after one byte over the limit and nothing more of it is read
     */
    public static BoundedBody read(InputStream in, long limit, long keep) throws IOException {
        if (keep <= limit) {
            throw new IllegalArgumentException("keep " + keep + " must be more than the limit " + limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, 64 * 1024));
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while (total < keep && (n = in.read(buffer, 0, (int) Math.min(buffer.length, keep - total))) != -1) {
            out.write(buffer, 0, n);
            total += n;
        }
        boolean truncated = total == keep && in.read() != -1;
        return new BoundedBody(out.toByteArray(), limit, total > limit, truncated);
    }

    /** The body {@link BoundedBodyFilter} read for this request, or null if the filter did not run. */
    public static BoundedBody of(HttpServletRequest request) {
        return (BoundedBody) request.getAttribute(ATTRIBUTE);
    }

    /** What a refusal says about the size, in words a support engineer reads. */
    public String sizeInWords() {
        return truncated
                ? "more than " + bytes.length + " bytes (only the first " + bytes.length + " were kept)"
                : bytes.length + " bytes";
    }
}
