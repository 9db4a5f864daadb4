package encore.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads one field value from a streaming parser into the type staging expects, or explains why it
 * cannot. Numbers written as numeric strings are accepted (and mark the input as not canonical);
 * anything else of the wrong type is a reason to reject the record.
 */
final class JsonFields {

    /** Set when a value was accepted only after a conversion (e.g. "12" for 12). */
    boolean converted;
    /** Why the last value was refused, or null. */
    String error;

    private JsonFields() {
    }

    static JsonFields create() {
        return new JsonFields();
    }

    String text(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case VALUE_NULL:
                return null;
            case VALUE_STRING: {
                String text = p.getText();
                if (hasLoneSurrogate(text)) {
                    error = loneSurrogate(field);
                    return null;
                }
                return text;
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
            case VALUE_TRUE:
            case VALUE_FALSE:
                converted = true;
                return p.getText();
            default:
                p.skipChildren();
                error = "field " + field + ": expected text, got " + describe(t);
                return null;
        }
    }

    /**
     * Like {@link #text} for a caller that needs only to know whether the value is present: the
     * same verdicts (null, converted, error), but a string is not turned into a Java string. When
     * {@code decode} is false the string is not decoded at all: the parser then only skips it,
     * which validates escapes but is more lenient about multi-byte UTF-8 than decoding (it lets
     * encoded surrogates through, and does not see a lone surrogate written as a backslash-u escape), so
     * pass false only for pure-ASCII input without backslash-u escapes.
     */
    boolean textPresent(JsonParser p, String field, boolean decode) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case VALUE_NULL:
                return false;
            case VALUE_STRING:
                if (decode && hasLoneSurrogate(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
                    error = loneSurrogate(field);
                    return false;
                }
                return true;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
            case VALUE_TRUE:
            case VALUE_FALSE:
                converted = true;
                return true;
            default:
                p.skipChildren();
                error = "field " + field + ": expected text, got " + describe(t);
                return false;
        }
    }

    /** Like {@link #decimal} for a caller that needs only the verdict, not the value. */
    boolean decimalPresent(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return finite(p.getDoubleValue(), p.getText(), field) != null;
        }
        return decimal(p, field) != null;
    }

    /** Like {@link #epochMillis} for a caller that needs only the verdict, not the value. */
    boolean epochMillisPresent(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            if (Math.abs(d) < 9.0e18) {
                // well inside the long range, whatever the exact decimal value rounds to
                return true;
            }
        }
        return epochMillis(p, field) != null;
    }

    Long integer(JsonParser p, String field, long min, long max) throws IOException {
        JsonToken t = p.currentToken();
        BigDecimal value;
        switch (t) {
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    error = "field " + field + ": number out of range: " + p.getText();
                    return null;
                }
                long v = p.getLongValue();
                if (v < min || v > max) {
                    error = "field " + field + ": number out of range: " + v;
                    return null;
                }
                return v;
            case VALUE_NUMBER_FLOAT:
                value = decimalValue(p);
                converted = true;
                if (value == null) {
                    error = "field " + field + ": number out of range: " + shorten(p.getText());
                    return null;
                }
                break;
            case VALUE_STRING:
                value = parseDecimal(p.getText());
                converted = true;
                if (value == null) {
                    error = "field " + field + ": expected an integer, got \"" + shorten(p.getText()) + "\"";
                    return null;
                }
                break;
            default:
                p.skipChildren();
                error = "field " + field + ": expected an integer, got " + describe(t);
                return null;
        }
        try {
            long v = value.longValueExact();
            if (v < min || v > max) {
                error = "field " + field + ": number out of range: " + value.toPlainString();
                return null;
            }
            return v;
        } catch (ArithmeticException e) {
            error = "field " + field + ": expected an integer, got " + value.toPlainString();
            return null;
        }
    }

    /** Epoch milliseconds; a float such as 1540919166796.0 is rounded to the nearest millisecond. */
    Long epochMillis(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_STRING) {
            BigDecimal value = t == JsonToken.VALUE_STRING ? parseDecimal(p.getText()) : decimalValue(p);
            if (value == null && t == JsonToken.VALUE_NUMBER_FLOAT) {
                error = "field " + field + ": number out of range: " + shorten(p.getText());
                return null;
            }
            if (value == null) {
                error = "field " + field + ": expected epoch milliseconds, got \"" + shorten(p.getText()) + "\"";
                return null;
            }
            if (t == JsonToken.VALUE_STRING) {
                converted = true;
            }
            try {
                return value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
            } catch (ArithmeticException e) {
                error = "field " + field + ": number out of range: " + value.toPlainString();
                return null;
            }
        }
        return integer(p, field, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    Double decimal(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return finite(p.getDoubleValue(), p.getText(), field);
            case VALUE_STRING:
                BigDecimal value = parseDecimal(p.getText());
                converted = true;
                if (value == null) {
                    error = "field " + field + ": expected a number, got \"" + shorten(p.getText()) + "\"";
                    return null;
                }
                return finite(value.doubleValue(), p.getText(), field);
            default:
                p.skipChildren();
                error = "field " + field + ": expected a number, got " + describe(t);
                return null;
        }
    }

    /** The exact value of a number token, or null when it cannot be had (e.g. 1e999999999999). */
    private static BigDecimal decimalValue(JsonParser p) throws IOException {
        try {
            return p.getDecimalValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Double finite(double d, String text, String field) {
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            error = "field " + field + ": number out of range: " + shorten(text);
            return null;
        }
        return d;
    }

    private static BigDecimal parseDecimal(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String describe(JsonToken t) {
        switch (t) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_STRING: return "text";
            default: return t.asString() == null ? t.name() : t.asString();
        }
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    /**
     * A string holding half of a UTF-16 surrogate pair (from a backslash-u escape of D800-DFFF with no
     * low half after it) has no UTF-8 form: DuckDB's reader refuses the whole file over it, and
     * a driver would store '?'. So it is a bad value, like a wrong type.
     */
    static String loneSurrogate(String field) {
        return "field " + field + ": text with a lone UTF-16 surrogate (a \\uD800-\\uDFFF escape without its pair)";
    }

    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return hasLoneSurrogate(s.toCharArray(), 0, s.length());
            }
        }
        return false;
    }

    static boolean hasLoneSurrogate(char[] chars, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a number read as a DOUBLE (as DuckDB's reader reads epoch milliseconds) keeps its
     * exact value's rounding to a whole millisecond: true for at most {@link #EXACT_DOUBLE_DIGITS}
     * significant digits (then the double is within far less than the number's last digit of it,
     * and halves are exact). Non-numbers answer true: their verdict is not this method's.
     */
    static boolean exactAsDouble(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            return true;
        }
        String text = p.getText();
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '1' && c <= '9' || (c == '0' && digits > 0)) {
                digits++;
            }
        }
        return digits <= EXACT_DOUBLE_DIGITS;
    }

    /** Significant digits a DOUBLE holds exactly enough to round a millisecond value as the decimal would. */
    static final int EXACT_DOUBLE_DIGITS = 15;
}
