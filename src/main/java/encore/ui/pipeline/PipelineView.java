package encore.ui.pipeline;

import encore.task.Progress;
import encore.ui.AppModel;
import encore.ui.Fx;
import encore.ui.explore.PagedGrid;
import encore.warehouse.PagedQuery;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Pipeline: the run history of the open warehouse and the log of the current and past tasks. */
public final class PipelineView extends VBox {

    final PagedGrid runs;
    final ListView<Progress> log = new ListView<>();

    public PipelineView(AppModel model) {
        setId("pipeline-view");
        setSpacing(8);
        setPadding(new Insets(12));
        runs = new PagedGrid(model);
        runs.setId("runs-grid");
        runs.setPrefHeight(260);
        log.setId("task-log");
        log.setItems(model.log());
        log.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Progress p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    setStyle("");
                } else {
                    setText("[" + p.step() + "] " + (p.level() == Progress.Level.INFO ? "" : p.level() + ": ") + p.message());
                    setStyle(p.level() == Progress.Level.INFO ? "" : "-fx-text-fill: #b35900;");
                }
            }
        });
        model.log().addListener((ListChangeListener<Progress>) c -> {
            if (!model.log().isEmpty()) {
                log.scrollTo(model.log().size() - 1);
            }
        });
        VBox.setVgrow(log, Priority.ALWAYS);
        getChildren().addAll(Fx.heading("Run history"), runs, Fx.heading("Task log"), log);
        Runnable refresh = () -> {
            if (model.warehouse().get() != null) {
                runs.load(model.warehouse().get(), PagedQuery.of("SELECT * FROM etl_runs ORDER BY run_id DESC"));
            }
        };
        model.refreshWhenShown(AppModel.Page.PIPELINE, refresh);
        refresh.run();
    }
}
