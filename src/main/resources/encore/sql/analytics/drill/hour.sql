hour(sp.start_time) = CAST(? AS INTEGER)
