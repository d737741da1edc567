package org.carehub.payments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Vocalink's UK modulus check: can this account number exist at this sort code? A failed check means it cannot,
 * so a payment there would bounce or reach a mistyped account. A pass does not prove the account exists.
 * Written from Vocalink's specification "Validating account numbers – UK modulus checking" (v8.50) over its
 * published tables (resources {@code payments/vocalink/}, see the README there): standard MOD10, MOD11 and double
 * alternate checks and exceptions 1 to 14. A sort code the tables do not cover cannot be checked and, as Vocalink
 * says, is then taken as valid.
 */
public final class UkModulusCheck {

    private static final String TABLES = "/payments/vocalink/";
    /** Exception 2: the weights replacing the table's when the account's a digit is not 0 (and g is not 9, or is). */
    private static final int[] EXCEPTION_2_WEIGHTS = {0, 0, 1, 2, 5, 3, 6, 4, 8, 7, 10, 9, 3, 1};
    private static final int[] EXCEPTION_2_WEIGHTS_G9 = {0, 0, 0, 0, 0, 0, 0, 0, 8, 7, 10, 9, 3, 1};
    /** Exception 9: the sort code checked instead when exception 2's check fails. Exception 8: the one always checked. */
    private static final String EXCEPTION_9_SORT_CODE = "309634";
    private static final String EXCEPTION_8_SORT_CODE = "090126";
    /** Exception 1: added to the double alternate total. */
    private static final int EXCEPTION_1_ADDITION = 27;
    // Positions in the 14 digits sort code + account number: u v w x y z a b c d e f g h.
    private static final int A = 6;
    private static final int B = 7;
    private static final int C = 8;
    private static final int G = 12;
    private static final int H = 13;

    enum Method { MOD10, MOD11, DBLAL }

    record WeightRow(String from, String to, Method method, int[] weights, int exception) {
        boolean covers(String sortCode) {
            return from.compareTo(sortCode) <= 0 && sortCode.compareTo(to) <= 0;
        }
    }

    private final List<WeightRow> rows;
    private final Map<String, String> substitutions;

    UkModulusCheck(List<WeightRow> rows, Map<String, String> substitutions) {
        this.rows = List.copyOf(rows);
        this.substitutions = Map.copyOf(substitutions);
    }

    /** The check over the Vocalink tables shipped with the hub. */
    public static UkModulusCheck vocalink() {
        List<WeightRow> rows = new ArrayList<>();
        for (String line : lines("valacdos.txt")) {
            String[] f = line.trim().split("\\s+");
            int[] weights = new int[14];
            for (int i = 0; i < 14; i++) {
                weights[i] = Integer.parseInt(f[3 + i]);
            }
            rows.add(new WeightRow(f[0], f[1], Method.valueOf(f[2]), weights, f.length > 17 ? Integer.parseInt(f[17]) : 0));
        }
        Map<String, String> substitutions = new HashMap<>();
        for (String line : lines("scsubtab.txt")) {
            String[] f = line.trim().split("\\s+");
            substitutions.put(f[0], f[1]);
        }
        return new UkModulusCheck(rows, substitutions);
    }

    /** False when the account number cannot exist at the sort code, or either is not 6 / 8 digits. */
    public boolean isValid(String sortCode, String accountNumber) {
        if (sortCode == null || accountNumber == null || !sortCode.matches("\\d{6}") || !accountNumber.matches("\\d{8}")) {
            return false;
        }
        List<WeightRow> found = rows.stream().filter(row -> row.covers(sortCode)).toList();
        if (found.isEmpty()) {
            return true;
        }
        int[] account = digits(sortCode + accountNumber);
        boolean foreignCurrency = account[A] >= 4 && account[A] <= 8 && account[G] == account[H];
        if (foreignCurrency && found.stream().anyMatch(row -> row.exception() == 6)) {
            return true; // exception 6: a foreign currency account, which no modulus check applies to
        }
        WeightRow first = found.get(0);
        boolean firstPasses = passes(first, sortCode, accountNumber);
        if (found.size() == 1) {
            return firstPasses;
        }
        WeightRow second = found.get(1);
        return switch (first.exception()) {
            case 2 -> firstPasses || passes(second, EXCEPTION_9_SORT_CODE, accountNumber);
            case 10, 12 -> firstPasses || passes(second, sortCode, accountNumber);
            default -> firstPasses && (second.exception() == 3 && (account[C] == 6 || account[C] == 9)
                    || passes(second, sortCode, accountNumber));
        };
    }

    private boolean passes(WeightRow row, String sortCode, String accountNumber) {
        String checkedSortCode = switch (row.exception()) {
            case 5 -> substitutions.getOrDefault(sortCode, sortCode);
            case 8 -> EXCEPTION_8_SORT_CODE;
            default -> sortCode;
        };
        int[] d = digits(checkedSortCode + accountNumber);
        int[] w = row.weights().clone();
        if (row.exception() == 2 && d[A] != 0) {
            w = d[G] == 9 ? EXCEPTION_2_WEIGHTS_G9.clone() : EXCEPTION_2_WEIGHTS.clone();
        }
        boolean zeroiseSortCodeAndAb = row.exception() == 7 && d[G] == 9
                || row.exception() == 10 && d[G] == 9 && (d[A] == 0 || d[A] == 9) && d[B] == 9;
        if (zeroiseSortCodeAndAb) {
            Arrays.fill(w, 0, B + 1, 0);
        }
        int total = total(row.method(), d, w) + (row.exception() == 1 ? EXCEPTION_1_ADDITION : 0);
        if (row.exception() == 4) {
            return Math.floorMod(total, 11) == d[G] * 10 + d[H];
        }
        if (row.exception() == 5) {
            return row.method() == Method.DBLAL ? checkDigit(Math.floorMod(total, 10), 10, d[H]) : exception5Mod11(total, d[G]);
        }
        boolean passes = Math.floorMod(total, row.method() == Method.MOD11 ? 11 : 10) == 0;
        if (!passes && row.exception() == 14 && (d[H] == 0 || d[H] == 1 || d[H] == 9)) {
            // Exception 14: the last digit may be a suffix; drop it, shift the number right and check again.
            return Math.floorMod(total(row.method(), digits(checkedSortCode + "0" + accountNumber.substring(0, 7)), w), 11) == 0;
        }
        return passes;
    }

    private static boolean exception5Mod11(int total, int g) {
        int remainder = Math.floorMod(total, 11);
        return remainder != 1 && checkDigit(remainder, 11, g);
    }

    /** Exception 5's check digit: 0 for a remainder of 0, else modulus minus remainder. */
    private static boolean checkDigit(int remainder, int modulus, int digit) {
        return remainder == 0 ? digit == 0 : modulus - remainder == digit;
    }

    private static int total(Method method, int[] d, int[] w) {
        int total = 0;
        for (int i = 0; i < 14; i++) {
            int product = d[i] * w[i];
            total += method == Method.DBLAL ? product / 10 + product % 10 : product;
        }
        return total;
    }

    private static int[] digits(String fourteen) {
        return fourteen.chars().map(ch -> ch - '0').toArray();
    }

    private static List<String> lines(String table) {
        try (InputStream in = Objects.requireNonNull(UkModulusCheck.class.getResourceAsStream(TABLES + table), table);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            return reader.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Vocalink table " + table, e);
        }
    }
}
