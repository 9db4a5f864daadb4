sp.level = ?
