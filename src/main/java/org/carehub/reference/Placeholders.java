package org.carehub.reference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code {placeholder}} names in a reason's text, and the brace mistakes that would show staff a
 * half-filled sentence. Names follow {@link FailureReason#explain}: a letter, then letters and digits.
 */
record Placeholders(Set<String> names, List<String> mistakes) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    static Placeholders scan(String text) {
        Set<String> names = new LinkedHashSet<>();
        List<String> mistakes = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                mistakes.add("'}' at character " + (i + 1) + " has no opening '{'");
                i++;
            } else if (c != '{') {
                i++;
            } else {
                int close = text.indexOf('}', i + 1);
                int nextOpen = text.indexOf('{', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                    mistakes.add("'{' at character " + (i + 1) + " is not closed with '}'");
                    i++;
                } else {
                    String name = text.substring(i + 1, close);
                    if (NAME.matcher(name).matches()) {
                        names.add(name);
                    } else {
                        mistakes.add("'{" + name + "}' is not a placeholder; a name is letters and digits, like {providerRef}");
                    }
                    i = close + 1;
                }
            }
        }
        return new Placeholders(Set.copyOf(names), List.copyOf(mistakes));
    }
}
