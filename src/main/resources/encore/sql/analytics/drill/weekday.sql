isodow(sp.start_time) = CAST(? AS INTEGER)
