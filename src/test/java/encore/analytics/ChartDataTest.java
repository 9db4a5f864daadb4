package encore.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV export: RFC 4180 quoting, read back by an independent parser. */
class ChartDataTest {

    @Test
    void fields_with_commas_quotes_and_line_breaks_are_quoted_and_quotes_doubled() throws IOException {
        ChartData d = new ChartData("t", List.of("label", "plays"), List.of(
            List.of("plain", 1L),
            List.of("Hello, World", 2L),
            List.of("He said \"hi\"", 3L),
            List.of("two\nlines", 4L),
            List.of("cr\rhere", 5L),
            Arrays.asList(null, 6L),
            List.of("", 7L),
            List.of("Björk — ünïcödé", 8L)));
        StringWriter w = new StringWriter();
        d.toCsv(w);
        assertThat(w.toString()).isEqualTo("label,plays\r\n"
            + "plain,1\r\n"
            + "\"Hello, World\",2\r\n"
            + "\"He said \"\"hi\"\"\",3\r\n"
            + "\"two\nlines\",4\r\n"
            + "\"cr\rhere\",5\r\n"
            + ",6\r\n"
            + ",7\r\n"
            + "Björk — ünïcödé,8\r\n");
    }

    @Test
    void exported_csv_reads_back_to_the_same_values() {
        ChartData d = Charts.ranked("Top songs", "song, title", List.of(
            new Ranked("\"Quoted\", with comma", 10), new Ranked("Line\r\nbreak", 9), new Ranked("Simple", 8)));
        List<List<String>> back = parse(d.toCsv());
        assertThat(back).containsExactly(
            List.of("song, title", "plays"),
            List.of("\"Quoted\", with comma", "10"),
            List.of("Line\r\nbreak", "9"),
            List.of("Simple", "8"));
    }

    @Test
    void days_and_numbers_are_written_plainly() {
        ChartData d = Charts.playsPerDay(List.of(new DayCount(LocalDate.of(2018, 11, 1), 12)));
        assertThat(d.toCsv()).isEqualTo("day,plays\r\n2018-11-01,12\r\n");
        assertThat(Charts.kpis(new Kpis(4, 2, 3, 0.25)).toCsv()).isEqualTo("plays,listeners,sessions,paid_share\r\n4,2,3,0.25\r\n");
    }

    @Test
    void rows_must_fit_the_columns_and_are_copied() {
        assertThatThrownBy(() -> new ChartData("t", List.of("a", "b"), List.of(List.of(1))))
            .isInstanceOf(IllegalArgumentException.class);
        List<Object> row = new ArrayList<>(List.of("x", 1));
        ChartData d = new ChartData("t", List.of("a", "b"), List.of(row));
        row.set(0, "changed");
        assertThat(d.rows().get(0).get(0)).isEqualTo("x");
    }

    /** A strict RFC 4180 reader, independent of the writer. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (c == '"' && field.length() == 0) {
                i++;
                while (true) {
                    char q = csv.charAt(i);
                    if (q == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        field.append(q);
                        i++;
                    }
                }
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' && csv.startsWith("\r\n", i)) {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                assertThat(c).as("bare CR/LF or quote at " + i).isNotIn('\r', '\n', '"');
                field.append(c);
                i++;
            }
        }
        assertThat(row).isEmpty();
        return rows;
    }
}
