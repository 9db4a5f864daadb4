package encore.ui;

import encore.task.EncoreException;
import encore.warehouse.QueryResult;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;

/** Small helpers shared by the views. */
public final class Fx {

    /**
     * A scene styled as the app's window is: Modena and Encore's stylesheet. Benchmarks and the
     * screenshot tour use it too, so that they draw what a user sees.
     */
    public static Scene styledScene(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(Fx.class.getResource("/encore/ui/encore.css")).toExternalForm());
        return scene;
    }

    private Fx() {
    }

    /**
     * Runs {@code then} on the FX thread {@code pulses} frames from now: spreads the work of
     * showing a lot at once (new grids, their CSS and layout) over several frames, so no single
     * frame is held up by all of it.
     */
    public static void afterPulses(int pulses, Runnable then) {
        new javafx.animation.AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen >= pulses) {
                    stop();
                    then.run();
                }
            }
        }.start();
    }

    /** Fills a grid from a query result (columns named and typed as the result says). */
    public static void fill(TableView<List<Object>> table, QueryResult result) {
        if (!sameColumns(table, result)) {
            table.getColumns().clear();
            for (int i = 0; i < result.columns().size(); i++) {
                final int index = i;
                TableColumn<List<Object>, Object> col = new TableColumn<>(result.columns().get(i));
                col.setUserData(result.types().get(i));
                col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().get(index)));
                col.setPrefWidth(columnWidth(result, i));
                table.getColumns().add(col);
            }
        }
        table.getItems().setAll(result.rows());
    }

    /** Wide enough for the header and the first rows' values (as far as 420 px): file names and reasons readable at once. */
    static double columnWidth(QueryResult result, int column) {
        int chars = result.columns().get(column).length() + 2;
        for (int r = 0; r < Math.min(50, result.rows().size()); r++) {
            Object v = result.rows().get(r).get(column);
            chars = Math.max(chars, v == null ? 4 : Math.min(80, String.valueOf(v).length()));
        }
        return Math.max(90, Math.min(420, 8 * chars + 16));
    }

    private static boolean sameColumns(TableView<List<Object>> table, QueryResult result) {
        if (table.getColumns().size() != result.columns().size()) {
            return false;
        }
        for (int i = 0; i < result.columns().size(); i++) {
            if (!table.getColumns().get(i).getText().equals(result.columns().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The message a user should read for an error: ours as they are, others by class and message. */
    public static String message(Throwable e) {
        if (e instanceof EncoreException ee) {
            return ee.oneLine();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    public static void error(String what, Throwable e) {
        Alert a = new Alert(Alert.AlertType.ERROR, message(e));
        a.setHeaderText(what);
        a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        a.show();
    }

    /** A text field bound both ways to {@code value}. */
    public static TextField field(String id, StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(48);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    public static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heading");
        return l;
    }
}
