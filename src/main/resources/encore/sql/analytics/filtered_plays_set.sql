-- filtered_plays.sql with only the filters that are set, for a query whose parameters may hold no
-- NULL (a drill-down, paged in Explore): {conditions} is TRUE, or the conditions of filter/ for
-- the set filters joined by AND, one parameter each, in the order from, to, level, gender.
-- It selects the same songplays as filtered_plays.sql under the same filter.
SELECT sp.*
FROM songplays sp
WHERE {conditions}
