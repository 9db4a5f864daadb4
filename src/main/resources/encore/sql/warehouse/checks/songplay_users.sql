-- Offending count: songplays whose user_id is not in users.
SELECT count(*) FROM songplays sp ANTI JOIN users u ON u.user_id = sp.user_id;
