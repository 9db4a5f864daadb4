package encore.ui.dashboard;

import encore.analytics.ChartData;
import encore.ui.Fx;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/** One chart with its title and its two exports: the picture (PNG) and the data (CSV). */
final class ChartCard extends VBox {

    final String title;
    final Node chart;
    private final Supplier<ChartData> data;

    ChartCard(String id, String title, Node chart, Supplier<ChartData> data) {
        this.title = title;
        this.chart = chart;
        this.data = data;
        setId(id);
        getStyleClass().add("chart-card");
        Label heading = new Label(title);
        heading.getStyleClass().add("chart-title");
        Button png = new Button("PNG");
        png.setOnAction(e -> choose(title + ".png").ifPresent(this::savePng));
        Button csv = new Button("CSV");
        csv.setOnAction(e -> choose(title + ".csv").ifPresent(this::saveCsv));
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox top = new HBox(6, heading, spring, png, csv);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(top, chart);
        setPrefSize(560, 300);
        setMinHeight(260);
    }

    private java.util.Optional<Path> choose(String name) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name.replaceAll("[^A-Za-z0-9. _-]", "_"));
        File f = fc.showSaveDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }

    void savePng(Path file) {
        try {
            writePng(this, file);
        } catch (IOException e) {
            Fx.error("Cannot save " + file, e);
        }
    }

    void saveCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            data.get().toCsv(w);
        } catch (IOException e) {
            Fx.error("Cannot save " + file, e);
        }
    }

    ChartData data() {
        return data.get();
    }

    static void writePng(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
