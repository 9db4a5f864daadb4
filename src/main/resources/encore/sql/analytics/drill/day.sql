CAST(sp.start_time AS DATE) = CAST(? AS DATE)
