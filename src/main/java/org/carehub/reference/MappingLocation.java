package org.carehub.reference;

/**
 * Where a value sits in the mappings: file, line and column (1-based) and the column or key name,
 * printed as {@code mappings/rate-card.csv:12:4 (rate)}. Line 0 means the file as a whole.
 */
record MappingLocation(String file, int line, int column, String field) {

    static MappingLocation ofFile(String file) {
        return new MappingLocation(file, 0, 0, null);
    }

    @Override
    public String toString() {
        if (line == 0) {
            return file;
        }
        String at = file + ":" + line + ":" + column;
        return field == null ? at : at + " (" + field + ")";
    }
}
