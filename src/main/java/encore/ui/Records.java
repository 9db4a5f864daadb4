package encore.ui;

import encore.warehouse.QueryResult;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Shows a list of records (songs, events) in a grid: one column per record component. */
public final class Records {

    private Records() {
    }

    public static QueryResult toResult(Class<? extends Record> type, List<? extends Record> records) {
        RecordComponent[] comps = type.getRecordComponents();
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (RecordComponent c : comps) {
            names.add(c.getName());
            types.add(c.getType().getSimpleName());
        }
        List<List<Object>> rows = new ArrayList<>(records.size());
        for (Record r : records) {
            List<Object> row = new ArrayList<>(comps.length);
            for (RecordComponent c : comps) {
                try {
                    row.add(c.getAccessor().invoke(r));
                } catch (ReflectiveOperationException e) {
                    row.add("?");
                }
            }
            rows.add(row);
        }
        return new QueryResult(names, types, rows, false);
    }
}
