package encore.ui;

import encore.ui.task.TaskRunner;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom bar: the running task, its progress, and a cancel button. */
final class StatusBar extends HBox {

    final Label title = new Label();
    final Label message = new Label("Ready");
    /**
     * Hidden while idle, and then indeterminate: a task starts indeterminate, so the bar's
     * indeterminate look (new nodes, their CSS) is built once, at start-up, not in the frame
     * the task appears.
     */
    final ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    final Button cancel = new Button("Cancel");
    final Label warehouse = new Label();

    StatusBar(TaskRunner runner) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(4, 10, 4, 10));
        title.setId("status-title");
        message.setId("status-message");
        cancel.setId("status-cancel");
        progress.setPrefWidth(220);
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        // one width for every message, so the cancel button after it stays where it is while a
        // task's messages change (a long one ends in an ellipsis; the task log has it whole)
        message.setMinWidth(480);
        message.setPrefWidth(480);
        message.setMaxWidth(480);
        getChildren().addAll(title, progress, message, cancel, spring, warehouse);
        // hidden while idle, and then out of the row too: "Ready" starts at the left edge (the
        // hidden cancel button stays in it and keeps the bar's height, so nothing moves when a task starts)
        for (Node busyOnly : List.of(title, progress)) {
            busyOnly.managedProperty().bind(busyOnly.visibleProperty());
        }
        show(null);
        runner.current().addListener((obs, old, running) -> show(running));
    }

    private void show(TaskRunner.Running running) {
        message.textProperty().unbind();
        progress.progressProperty().unbind();
        boolean busy = running != null;
        progress.setVisible(busy);
        cancel.setVisible(busy);
        title.setVisible(busy);
        if (busy) {
            title.setText(running.title() + ":");
            message.textProperty().bind(running.task().messageProperty());
            progress.progressProperty().bind(running.task().progressProperty());
            cancel.setDisable(false);
            cancel.setOnAction(e -> {
                cancel.setDisable(true);
                message.textProperty().unbind();
                message.setText("Cancelling…");
                running.cancel().cancel();
            });
        } else {
            message.setText("Ready");
            progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        }
    }
}
