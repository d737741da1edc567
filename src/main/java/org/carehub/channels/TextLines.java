package org.carehub.channels;

import java.util.Arrays;

/** Line numbers of character positions in a text, counted as an editor shows them (from 1), for "line N" in reasons. */
public final class TextLines {

    private final int[] starts;

    public TextLines(String text) {
        int[] found = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(found, count);
    }

    public int lineAt(long position) {
        int i = Arrays.binarySearch(starts, (int) position);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
