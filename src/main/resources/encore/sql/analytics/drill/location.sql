sp.location = ?
