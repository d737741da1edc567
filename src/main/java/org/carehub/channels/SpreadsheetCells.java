package org.carehub.channels;

/**
 * Text that a spreadsheet would run as a formula when it opens a CSV file: a cell starting with = + - @, tab
 * or carriage return (OWASP "CSV injection"). The hub keeps such values as data where it reads them and
 * neutralises them wherever it writes a file someone may open in a spreadsheet.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    public static boolean isFormulaLike(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    /** The text with a leading single quote if a spreadsheet would run it, as OWASP advises; otherwise unchanged. */
    public static String neutralise(String text) {
        return isFormulaLike(text) ? "'" + text : text;
    }
}
